-- Webhook subscriptions: where an account wants its events posted. The secret signs deliveries, so it
-- is kept as issued; it is shown to the owner once, at creation or rotation. A deleted subscription's
-- row is removed (the audit log keeps its history).
CREATE TABLE webhooks (
    id            bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_webhooks PRIMARY KEY,
    public_id     uniqueidentifier NOT NULL,
    owner_user_id bigint           NOT NULL CONSTRAINT FK_webhooks_users REFERENCES users (id),
    url           nvarchar(2048)   NOT NULL,
    events        nvarchar(1000)   NOT NULL,
    description   nvarchar(500)    NULL,
    secret        nvarchar(64)     NOT NULL,
    created_at    datetime2        NOT NULL,
    updated_at    datetime2        NOT NULL,
    version       int              NOT NULL
);

CREATE UNIQUE INDEX UX_webhooks_public_id ON webhooks (public_id);
CREATE INDEX IX_webhooks_owner ON webhooks (owner_user_id, created_at, id);
