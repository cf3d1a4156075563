-- Tokens carry the account's security stamp; a change of role, activity or password replaces it,
-- which ends every token issued before.
ALTER TABLE users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
