-- E-mails are stored trimmed and lower-cased from this release on; earlier rows kept the case they
-- were typed in. The key they are unique by (email_normalized, upper-cased) does not change, so no
-- two rows can collide. The binary collation makes the comparison see a difference of case.
UPDATE users
SET email = LOWER(TRIM(email)), version = version + 1
WHERE email COLLATE Latin1_General_BIN2 <> LOWER(TRIM(email));
