-- Webhook deliveries: one row per event and subscription, written in the transaction of the change that
-- caused it, claimed by one instance at a time and retried until the receiver answers 2xx or 24 hours
-- have passed since the first attempt. The body is fixed when the event happens; each attempt is signed
-- with the subscription's current secret. A subscription's deliveries go with it.
CREATE TABLE webhook_deliveries (
    id                 INTEGER NOT NULL CONSTRAINT PK_webhook_deliveries PRIMARY KEY AUTOINCREMENT,
    public_id          TEXT    NOT NULL,
    webhook_id         INTEGER NOT NULL CONSTRAINT FK_webhook_deliveries_webhooks REFERENCES webhooks (id),
    event_type         TEXT    NOT NULL,
    body               TEXT    NOT NULL,
    status             TEXT    NOT NULL CONSTRAINT CK_webhook_deliveries_status CHECK (status IN ('pending', 'delivered', 'retrying', 'failed')),
    attempts           INTEGER NOT NULL DEFAULT 0,
    next_attempt_at    TEXT    NOT NULL,
    first_attempt_at   TEXT    NULL,
    last_attempt_at    TEXT    NULL,
    last_response_code INTEGER NULL,
    last_error         TEXT    NULL,
    claimed_by         TEXT    NULL,
    claimed_until      TEXT    NULL,
    created_at         TEXT    NOT NULL,
    delivered_at       TEXT    NULL
);

CREATE UNIQUE INDEX UX_webhook_deliveries_public_id ON webhook_deliveries (public_id);
CREATE INDEX IX_webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id) WHERE status IN ('pending', 'retrying');
CREATE INDEX IX_webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at, id);
CREATE INDEX IX_webhook_deliveries_failed ON webhook_deliveries (created_at) WHERE status = 'failed';
