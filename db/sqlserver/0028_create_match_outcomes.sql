-- What a deal produced, recorded by a party, the agency or an admin once the match reached agreement.
-- Later records are follow-ups: per need, the latest recorded across its matches counts. The USD
-- amount is converted at the rate effective on the recording date and kept, like a need's.
CREATE TABLE match_outcomes (
    id                    bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_match_outcomes PRIMARY KEY,
    public_id             uniqueidentifier NOT NULL,
    match_id              bigint           NOT NULL CONSTRAINT FK_match_outcomes_matches REFERENCES matches (id),
    need_id               bigint           NOT NULL CONSTRAINT FK_match_outcomes_needs REFERENCES needs (id),
    investment_amount     decimal(19, 2)   NOT NULL,
    investment_currency   nvarchar(3)      NOT NULL,
    investment_usd        decimal(19, 2)   NOT NULL,
    jobs_created          int              NOT NULL CONSTRAINT CK_match_outcomes_jobs CHECK (jobs_created >= 0),
    youth_jobs            int              NOT NULL,
    production_started_on date             NULL,
    export_markets        nvarchar(400)    NOT NULL,
    note                  nvarchar(2000)   NULL,
    recorded_by           uniqueidentifier NOT NULL,
    recorded_role         nvarchar(16)     NOT NULL,
    recorded_at           datetime2        NOT NULL,
    CONSTRAINT CK_match_outcomes_youth_jobs CHECK (youth_jobs >= 0 AND youth_jobs <= jobs_created)
);

CREATE UNIQUE INDEX UX_match_outcomes_public_id ON match_outcomes (public_id);
CREATE INDEX IX_match_outcomes_match ON match_outcomes (match_id, recorded_at, id);
CREATE INDEX IX_match_outcomes_need ON match_outcomes (need_id, recorded_at, id);
