-- Webhook subscriptions: where an account wants its events posted. The secret signs deliveries, so it
-- is kept as issued; it is shown to the owner once, at creation or rotation. A deleted subscription's
-- row is removed (the audit log keeps its history).
CREATE TABLE webhooks (
    id            INTEGER NOT NULL CONSTRAINT PK_webhooks PRIMARY KEY AUTOINCREMENT,
    public_id     TEXT    NOT NULL,
    owner_user_id INTEGER NOT NULL CONSTRAINT FK_webhooks_users REFERENCES users (id),
    url           TEXT    NOT NULL,
    events        TEXT    NOT NULL,
    description   TEXT    NULL,
    secret        TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    version       INTEGER NOT NULL
);

CREATE UNIQUE INDEX UX_webhooks_public_id ON webhooks (public_id);
CREATE INDEX IX_webhooks_owner ON webhooks (owner_user_id, created_at, id);
