-- E-mail waiting to be sent, written in the transaction of what it reports (an inbox item) and
-- claimed by one instance at a time; retried until the SMTP server accepts it or it is too old.
CREATE TABLE email_outbox (
    id              INTEGER NOT NULL CONSTRAINT PK_email_outbox PRIMARY KEY AUTOINCREMENT,
    public_id       TEXT    NOT NULL,
    user_id         INTEGER NOT NULL CONSTRAINT FK_email_outbox_users REFERENCES users (id),
    notification_id INTEGER NULL CONSTRAINT FK_email_outbox_notifications REFERENCES notifications (id),
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
