-- Who changed what: accounts, roles, passwords, criteria, jobs, FX rates and match transitions.
-- Append-only: the trigger refuses every UPDATE and DELETE, whoever sends it.
CREATE TABLE audit_log (
    id          bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_audit_log PRIMARY KEY,
    public_id   uniqueidentifier NOT NULL,
    created_at  datetime2        NOT NULL,
    actor_id    uniqueidentifier NULL,
    actor_role  nvarchar(16)     NOT NULL,
    action      nvarchar(40)     NOT NULL,
    target_type nvarchar(16)     NOT NULL,
    target_id   nvarchar(64)     NULL,
    detail      nvarchar(max)    NOT NULL
);

CREATE UNIQUE INDEX UX_audit_log_public_id ON audit_log (public_id);
CREATE INDEX IX_audit_log_created_at ON audit_log (created_at, id);
CREATE INDEX IX_audit_log_actor_id ON audit_log (actor_id, created_at, id);
GO

CREATE TRIGGER TR_audit_log_append_only ON audit_log
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    THROW 51000, 'audit_log is append-only: entries cannot be changed or deleted.', 1;
END;
GO
