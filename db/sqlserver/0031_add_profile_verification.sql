-- Agencies vet every SME and partner profile before other users see it or it is matched.
-- verification is pending, verified or rejected; verification_note is the agency's note (a rejection's
-- reason); verification_since is when the profile entered its current state, which orders the queue.
-- Profiles that exist at upgrade were accepted under the first release's rules and stay in the directory
-- and in their matches: they start verified. New rows always get their state from the API.
ALTER TABLE smes ADD
    verification varchar(10) NOT NULL CONSTRAINT DF_smes_verification DEFAULT 'verified'
        CONSTRAINT CK_smes_verification CHECK (verification IN ('pending', 'verified', 'rejected')),
    verification_note nvarchar(1000) NULL,
    verification_since datetime2 NULL;
GO

ALTER TABLE partners ADD
    verification varchar(10) NOT NULL CONSTRAINT DF_partners_verification DEFAULT 'verified'
        CONSTRAINT CK_partners_verification CHECK (verification IN ('pending', 'verified', 'rejected')),
    verification_note nvarchar(1000) NULL,
    verification_since datetime2 NULL;
GO

UPDATE smes SET verification_since = created_at;
UPDATE partners SET verification_since = created_at;
GO

-- The agencies' queue: pending profiles, oldest first.
CREATE INDEX IX_smes_verification ON smes (verification, verification_since, id);
CREATE INDEX IX_partners_verification ON partners (verification, verification_since, id);
GO

-- The Profiles:RequireVerification value the stored matches follow; when a start finds another value, it
-- re-scores the profiles that are not verified, so their matches follow the new one.
CREATE TABLE vetting_state (
    id        int NOT NULL CONSTRAINT PK_vetting_state PRIMARY KEY CONSTRAINT CK_vetting_state_single CHECK (id = 1),
    required  bit NOT NULL
);
INSERT INTO vetting_state (id, required) VALUES (1, 1);
