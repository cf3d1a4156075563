CREATE TABLE jobs (
    id                INTEGER NOT NULL CONSTRAINT PK_jobs PRIMARY KEY AUTOINCREMENT,
    public_id         TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    status            TEXT    NOT NULL CONSTRAINT CK_jobs_status CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    criteria_version  INTEGER NULL CONSTRAINT FK_jobs_scoring_profiles REFERENCES scoring_profiles (version),
    processed         INTEGER NOT NULL DEFAULT 0,
    total             INTEGER NOT NULL DEFAULT 0,
    resume_after      INTEGER NOT NULL DEFAULT 0,
    attempts          INTEGER NOT NULL DEFAULT 0,
    claimed_by        TEXT    NULL,
    heartbeat_at      TEXT    NULL,
    created_by        TEXT    NULL,
    created_at        TEXT    NOT NULL,
    started_at        TEXT    NULL,
    finished_at       TEXT    NULL,
    error             TEXT    NULL
);

CREATE UNIQUE INDEX UX_jobs_public_id ON jobs (public_id);
CREATE INDEX IX_jobs_status ON jobs (status, id);
