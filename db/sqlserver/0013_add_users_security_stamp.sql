-- Tokens carry the account's security stamp; a change of role, activity or password replaces it,
-- which ends every token issued before.
ALTER TABLE users ADD security_stamp nvarchar(64) NOT NULL CONSTRAINT DF_users_security_stamp DEFAULT '';
