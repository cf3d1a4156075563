-- E-mail waiting to be sent, claimed by one instance at a time and retried until the SMTP server
-- accepts it or it is too old: one inbox item (written in the transaction of the item), or a daily
-- digest of an account's items created in [digest_from, digest_until).
CREATE TABLE email_outbox (
    id              INTEGER NOT NULL CONSTRAINT PK_email_outbox PRIMARY KEY AUTOINCREMENT,
    public_id       TEXT    NOT NULL,
    user_id         INTEGER NOT NULL CONSTRAINT FK_email_outbox_users REFERENCES users (id),
    notification_id INTEGER NULL CONSTRAINT FK_email_outbox_notifications REFERENCES notifications (id),
    digest_from     TEXT    NULL,
    digest_until    TEXT    NULL,
    status          TEXT    NOT NULL CONSTRAINT CK_email_outbox_status CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    claimed_by      TEXT    NULL,
    claimed_until   TEXT    NULL,
    last_error      TEXT    NULL,
    created_at      TEXT    NOT NULL,
    sent_at         TEXT    NULL
);

CREATE UNIQUE INDEX UX_email_outbox_public_id ON email_outbox (public_id);
CREATE INDEX IX_email_outbox_due ON email_outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX IX_email_outbox_failed ON email_outbox (created_at) WHERE status = 'failed';
-- One digest per account and digest time, whichever instance queues it first.
CREATE UNIQUE INDEX UX_email_outbox_digest ON email_outbox (user_id, digest_until) WHERE digest_until IS NOT NULL;
