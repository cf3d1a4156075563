-- What each account is told: one row per inbox item, written in the transaction of the change it
-- reports. Ids of the match, need and partner are the public ones, copied, since a suggestion's match
-- row may be deleted by a later re-score while the item stays in the inbox.
CREATE TABLE notifications (
    id                INTEGER NOT NULL CONSTRAINT PK_notifications PRIMARY KEY AUTOINCREMENT,
    public_id         TEXT    NOT NULL,
    user_id           INTEGER NOT NULL CONSTRAINT FK_notifications_users REFERENCES users (id),
    kind              TEXT    NOT NULL CONSTRAINT CK_notifications_kind CHECK (kind IN ('match_suggested', 'interest_received', 'mutual', 'stage_changed', 'declined', 'need_expiring', 'need_expired', 'outcome_due')),
    match_public_id   TEXT    NULL,
    need_public_id    TEXT    NULL,
    partner_public_id TEXT    NULL,
    data              TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    read_at           TEXT    NULL
);

CREATE UNIQUE INDEX UX_notifications_public_id ON notifications (public_id);
CREATE INDEX IX_notifications_user ON notifications (user_id, created_at, id);
CREATE INDEX IX_notifications_user_unread ON notifications (user_id, created_at, id) WHERE read_at IS NULL;

-- The suggested pairs someone was already told about: a suggestion is announced once per pair ever,
-- even when a re-score drops its match row and a later one creates it again.
CREATE TABLE suggestion_notices (
    need_id    INTEGER NOT NULL CONSTRAINT FK_suggestion_notices_needs REFERENCES needs (id),
    partner_id INTEGER NOT NULL CONSTRAINT FK_suggestion_notices_partners REFERENCES partners (id),
    CONSTRAINT PK_suggestion_notices PRIMARY KEY (need_id, partner_id)
) WITHOUT ROWID;
