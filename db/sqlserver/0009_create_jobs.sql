CREATE TABLE jobs (
    id                bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_jobs PRIMARY KEY,
    public_id         uniqueidentifier NOT NULL,
    kind              nvarchar(30)     NOT NULL,
    status            nvarchar(12)     NOT NULL CONSTRAINT CK_jobs_status CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    criteria_version  int              NULL CONSTRAINT FK_jobs_scoring_profiles REFERENCES scoring_profiles (version),
    processed         int              NOT NULL CONSTRAINT DF_jobs_processed DEFAULT 0,
    total             int              NOT NULL CONSTRAINT DF_jobs_total DEFAULT 0,
    resume_after      bigint           NOT NULL CONSTRAINT DF_jobs_resume_after DEFAULT 0,
    attempts          int              NOT NULL CONSTRAINT DF_jobs_attempts DEFAULT 0,
    claimed_by        nvarchar(200)    NULL,
    heartbeat_at      datetime2        NULL,
    created_by        uniqueidentifier NULL,
    created_at        datetime2        NOT NULL,
    started_at        datetime2        NULL,
    finished_at       datetime2        NULL,
    error             nvarchar(2000)   NULL
);

CREATE UNIQUE INDEX UX_jobs_public_id ON jobs (public_id);
CREATE INDEX IX_jobs_status ON jobs (status, id);
