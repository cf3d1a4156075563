-- Webhook deliveries: one row per event and subscription, written in the transaction of the change that
-- caused it, claimed by one instance at a time and retried until the receiver answers 2xx or 24 hours
-- have passed since the first attempt. The body is fixed when the event happens; each attempt is signed
-- with the subscription's current secret. A subscription's deliveries go with it.
CREATE TABLE webhook_deliveries (
    id                 bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_webhook_deliveries PRIMARY KEY,
    public_id          uniqueidentifier NOT NULL,
    webhook_id         bigint           NOT NULL CONSTRAINT FK_webhook_deliveries_webhooks REFERENCES webhooks (id),
    event_type         nvarchar(24)     NOT NULL,
    body               nvarchar(max)    NOT NULL,
    status             nvarchar(8)      NOT NULL CONSTRAINT CK_webhook_deliveries_status CHECK (status IN ('pending', 'delivered', 'retrying', 'failed')),
    attempts           int              NOT NULL CONSTRAINT DF_webhook_deliveries_attempts DEFAULT 0,
    next_attempt_at    datetime2        NOT NULL,
    first_attempt_at   datetime2        NULL,
    last_attempt_at    datetime2        NULL,
    last_response_code int              NULL,
    last_error         nvarchar(1000)   NULL,
    claimed_by         nvarchar(64)     NULL,
    claimed_until      datetime2        NULL,
    created_at         datetime2        NOT NULL,
    delivered_at       datetime2        NULL
);

CREATE UNIQUE INDEX UX_webhook_deliveries_public_id ON webhook_deliveries (public_id);
CREATE INDEX IX_webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id) WHERE status IN ('pending', 'retrying');
CREATE INDEX IX_webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at, id);
CREATE INDEX IX_webhook_deliveries_failed ON webhook_deliveries (created_at) WHERE status = 'failed';
