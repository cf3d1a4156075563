CREATE TABLE users (
    id               INTEGER NOT NULL CONSTRAINT PK_users PRIMARY KEY AUTOINCREMENT,
    public_id        TEXT    NOT NULL,
    email            TEXT    NOT NULL,
    email_normalized TEXT    NOT NULL,
    password_hash    TEXT    NOT NULL,
    role             TEXT    NOT NULL CONSTRAINT CK_users_role CHECK (role IN ('sme', 'partner', 'agency', 'admin')),
    is_active        INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1
);

CREATE UNIQUE INDEX UX_users_public_id ON users (public_id);
CREATE UNIQUE INDEX UX_users_email_normalized ON users (email_normalized);
