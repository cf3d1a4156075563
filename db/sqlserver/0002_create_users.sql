CREATE TABLE users (
    id               bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_users PRIMARY KEY,
    public_id        uniqueidentifier NOT NULL,
    email            nvarchar(254)    NOT NULL,
    email_normalized nvarchar(254)    NOT NULL,
    password_hash    nvarchar(400)    NOT NULL,
    role             nvarchar(16)     NOT NULL CONSTRAINT CK_users_role CHECK (role IN ('sme', 'partner', 'agency', 'admin')),
    is_active        bit              NOT NULL CONSTRAINT DF_users_is_active DEFAULT 1,
    created_at       datetime2        NOT NULL,
    updated_at       datetime2        NOT NULL,
    version          int              NOT NULL CONSTRAINT DF_users_version DEFAULT 1
);

CREATE UNIQUE INDEX UX_users_public_id ON users (public_id);
CREATE UNIQUE INDEX UX_users_email_normalized ON users (email_normalized);
