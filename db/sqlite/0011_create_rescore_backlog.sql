-- What changed while a re-score job builds a criteria version: the job scored a snapshot, so these
-- needs and partners are scored again from their current state before the version is activated.
CREATE TABLE rescore_backlog (
    criteria_version  INTEGER NOT NULL,
    subject           TEXT    NOT NULL CONSTRAINT CK_rescore_backlog_subject CHECK (subject IN ('need', 'partner')),
    subject_id        INTEGER NOT NULL
);

CREATE INDEX IX_rescore_backlog_version ON rescore_backlog (criteria_version, subject, subject_id);
