-- E-mail addresses are verified through a link mailed to them. Accounts that exist at this upgrade count
-- as verified from their creation.
ALTER TABLE users ADD COLUMN email_verified_at TEXT NULL;

UPDATE users SET email_verified_at = created_at;

-- Single-use tokens mailed to an account: to verify its address or to reset its password. The row is written
-- with the request; the token itself is drawn when its mail is sent and stored nowhere: token_hash is its
-- SHA-256 (hex), NULL until then. A token ends when used_at is set (used, or ended by a later one). A reset
-- asked for an address of no active account is kept as a row of no account, ended at once, so that such a
-- request writes and commits as one for a real account does and takes the same time.
CREATE TABLE account_tokens (
    id         INTEGER NOT NULL CONSTRAINT PK_account_tokens PRIMARY KEY AUTOINCREMENT,
    public_id  TEXT    NOT NULL,
    user_id    INTEGER NULL CONSTRAINT FK_account_tokens_users REFERENCES users (id),
    purpose    TEXT    NOT NULL CONSTRAINT CK_account_tokens_purpose CHECK (purpose IN ('verify_email', 'password_reset')),
    token_hash TEXT    NULL,
    created_at TEXT    NOT NULL,
    expires_at TEXT    NOT NULL,
    used_at    TEXT    NULL
);

CREATE UNIQUE INDEX UX_account_tokens_public_id ON account_tokens (public_id);
CREATE UNIQUE INDEX UX_account_tokens_hash ON account_tokens (token_hash) WHERE token_hash IS NOT NULL;
CREATE INDEX IX_account_tokens_open ON account_tokens (user_id, purpose) WHERE used_at IS NULL;

-- An outbox row may carry an account token's mail instead of an inbox item or a digest; link_base is where
-- its link points (App:PublicUrl, else the scheme and host of the request that caused it).
ALTER TABLE email_outbox ADD COLUMN account_token_id INTEGER NULL CONSTRAINT FK_email_outbox_account_tokens REFERENCES account_tokens (id);
ALTER TABLE email_outbox ADD COLUMN link_base TEXT NULL;
