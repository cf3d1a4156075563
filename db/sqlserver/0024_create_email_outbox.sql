-- E-mail waiting to be sent, claimed by one instance at a time and retried until the SMTP server
-- accepts it or it is too old: one inbox item (written in the transaction of the item), or a daily
-- digest of an account's items created in [digest_from, digest_until).
CREATE TABLE email_outbox (
    id              bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_email_outbox PRIMARY KEY,
    public_id       uniqueidentifier NOT NULL,
    user_id         bigint           NOT NULL CONSTRAINT FK_email_outbox_users REFERENCES users (id),
    notification_id bigint           NULL CONSTRAINT FK_email_outbox_notifications REFERENCES notifications (id),
    digest_from     datetime2        NULL,
    digest_until    datetime2        NULL,
    status          nvarchar(8)      NOT NULL CONSTRAINT CK_email_outbox_status CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        int              NOT NULL CONSTRAINT DF_email_outbox_attempts DEFAULT 0,
    next_attempt_at datetime2        NOT NULL,
    claimed_by      nvarchar(64)     NULL,
    claimed_until   datetime2        NULL,
    last_error      nvarchar(1000)   NULL,
    created_at      datetime2        NOT NULL,
    sent_at         datetime2        NULL
);

CREATE UNIQUE INDEX UX_email_outbox_public_id ON email_outbox (public_id);
CREATE INDEX IX_email_outbox_due ON email_outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX IX_email_outbox_failed ON email_outbox (created_at) WHERE status = 'failed';
-- One digest per account and digest time, whichever instance queues it first.
CREATE UNIQUE INDEX UX_email_outbox_digest ON email_outbox (user_id, digest_until) WHERE digest_until IS NOT NULL;
