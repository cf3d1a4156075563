-- Who changed what: accounts, roles, passwords, criteria, jobs, FX rates and match transitions.
-- Append-only: the triggers refuse every UPDATE and DELETE, whoever sends it.
CREATE TABLE audit_log (
    id          INTEGER NOT NULL CONSTRAINT PK_audit_log PRIMARY KEY AUTOINCREMENT,
    public_id   TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    actor_id    TEXT    NULL,
    actor_role  TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    target_type TEXT    NOT NULL,
    target_id   TEXT    NULL,
    detail      TEXT    NOT NULL
);

CREATE UNIQUE INDEX UX_audit_log_public_id ON audit_log (public_id);
CREATE INDEX IX_audit_log_created_at ON audit_log (created_at, id);
CREATE INDEX IX_audit_log_actor_id ON audit_log (actor_id, created_at, id);

CREATE TRIGGER TR_audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed.');
END;

CREATE TRIGGER TR_audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted.');
END;
