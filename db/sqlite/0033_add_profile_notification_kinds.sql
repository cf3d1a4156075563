-- Inbox items about an agency's decision on the reader's profile: profile_verified, profile_rejected.
-- SQLite cannot change a CHECK constraint, so the table is rebuilt with the same rows and ids. The e-mail
-- outbox's links to the items are set aside and put back, so that the old table can be dropped while
-- foreign keys are enforced (they cannot be turned off inside the migration's transaction).
CREATE TABLE notifications_new (
    id                INTEGER NOT NULL CONSTRAINT PK_notifications PRIMARY KEY AUTOINCREMENT,
    public_id         TEXT    NOT NULL,
    user_id           INTEGER NOT NULL CONSTRAINT FK_notifications_users REFERENCES users (id),
    kind              TEXT    NOT NULL CONSTRAINT CK_notifications_kind CHECK (kind IN ('match_suggested', 'interest_received', 'mutual', 'stage_changed', 'declined', 'need_expiring', 'need_expired', 'outcome_due', 'profile_verified', 'profile_rejected')),
    match_public_id   TEXT    NULL,
    need_public_id    TEXT    NULL,
    partner_public_id TEXT    NULL,
    data              TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    read_at           TEXT    NULL
);

INSERT INTO notifications_new (id, public_id, user_id, kind, match_public_id, need_public_id, partner_public_id, data, created_at, read_at)
SELECT id, public_id, user_id, kind, match_public_id, need_public_id, partner_public_id, data, created_at, read_at FROM notifications;

CREATE TABLE outbox_notification_links (outbox_id INTEGER NOT NULL PRIMARY KEY, notification_id INTEGER NOT NULL);
INSERT INTO outbox_notification_links (outbox_id, notification_id) SELECT id, notification_id FROM email_outbox WHERE notification_id IS NOT NULL;
UPDATE email_outbox SET notification_id = NULL WHERE notification_id IS NOT NULL;

DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;

UPDATE email_outbox SET notification_id = (SELECT l.notification_id FROM outbox_notification_links l WHERE l.outbox_id = email_outbox.id)
WHERE id IN (SELECT l.outbox_id FROM outbox_notification_links l);
DROP TABLE outbox_notification_links;

CREATE UNIQUE INDEX UX_notifications_public_id ON notifications (public_id);
CREATE INDEX IX_notifications_user ON notifications (user_id, created_at, id);
CREATE INDEX IX_notifications_user_unread ON notifications (user_id, created_at, id) WHERE read_at IS NULL;
