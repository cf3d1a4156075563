-- A need is open until expires_at (set by the API: creation or renewal + Needs:Validity); from that
-- instant it reads as expired. Needs older than this script get theirs at start-up, since the
-- validity is configuration. expiry_swept_at is when the expiry sweep claimed the need and dropped its
-- suggestions; reminded_at when its need_expiring reminder was claimed. A renewal clears both.
ALTER TABLE needs ADD COLUMN expires_at TEXT NULL;
ALTER TABLE needs ADD COLUMN expiry_swept_at TEXT NULL;
ALTER TABLE needs ADD COLUMN reminded_at TEXT NULL;

-- The sweep's and the reminders' claims: open needs not yet handled, by expiry time.
CREATE INDEX IX_needs_expiry_sweep ON needs (status, expiry_swept_at, expires_at, id);
CREATE INDEX IX_needs_expiry_reminder ON needs (status, reminded_at, expires_at, id);
