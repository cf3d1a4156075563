-- Agencies vet every SME and partner profile before other users see it or it is matched.
-- verification is pending, verified or rejected; verification_note is the agency's note (a rejection's
-- reason); verification_since is when the profile entered its current state, which orders the queue.
-- Profiles that exist at upgrade were accepted under the first release's rules and stay in the directory
-- and in their matches: they start verified.
ALTER TABLE smes ADD COLUMN verification TEXT NOT NULL DEFAULT 'verified'
    CONSTRAINT CK_smes_verification CHECK (verification IN ('pending', 'verified', 'rejected'));
ALTER TABLE smes ADD COLUMN verification_note TEXT NULL;
ALTER TABLE smes ADD COLUMN verification_since TEXT NULL;
UPDATE smes SET verification_since = created_at;

ALTER TABLE partners ADD COLUMN verification TEXT NOT NULL DEFAULT 'verified'
    CONSTRAINT CK_partners_verification CHECK (verification IN ('pending', 'verified', 'rejected'));
ALTER TABLE partners ADD COLUMN verification_note TEXT NULL;
ALTER TABLE partners ADD COLUMN verification_since TEXT NULL;
UPDATE partners SET verification_since = created_at;

-- The agencies' queue: pending profiles, oldest first.
CREATE INDEX IX_smes_verification ON smes (verification, verification_since, id);
CREATE INDEX IX_partners_verification ON partners (verification, verification_since, id);

-- The Profiles:RequireVerification value the stored matches follow; when a start finds another value, it
-- re-scores the profiles that are not verified, so their matches follow the new one.
CREATE TABLE vetting_state (
    id        INTEGER NOT NULL CONSTRAINT PK_vetting_state PRIMARY KEY CONSTRAINT CK_vetting_state_single CHECK (id = 1),
    required  INTEGER NOT NULL
);
INSERT INTO vetting_state (id, required) VALUES (1, 1);
