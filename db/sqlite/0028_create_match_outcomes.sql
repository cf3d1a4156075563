-- What a deal produced, recorded by a party, the agency or an admin once the match reached agreement.
-- Later records are follow-ups: per need, the latest recorded across its matches counts. The USD
-- amount is converted at the rate effective on the recording date and kept, like a need's.
CREATE TABLE match_outcomes (
    id                    INTEGER NOT NULL CONSTRAINT PK_match_outcomes PRIMARY KEY AUTOINCREMENT,
    public_id             TEXT    NOT NULL,
    match_id              INTEGER NOT NULL CONSTRAINT FK_match_outcomes_matches REFERENCES matches (id),
    need_id               INTEGER NOT NULL CONSTRAINT FK_match_outcomes_needs REFERENCES needs (id),
    investment_amount     NUMERIC NOT NULL,
    investment_currency   TEXT    NOT NULL,
    investment_usd        NUMERIC NOT NULL,
    jobs_created          INTEGER NOT NULL CONSTRAINT CK_match_outcomes_jobs CHECK (jobs_created >= 0),
    youth_jobs            INTEGER NOT NULL CONSTRAINT CK_match_outcomes_youth_jobs CHECK (youth_jobs >= 0 AND youth_jobs <= jobs_created),
    production_started_on TEXT    NULL,
    export_markets        TEXT    NOT NULL,
    note                  TEXT    NULL,
    recorded_by           TEXT    NOT NULL,
    recorded_role         TEXT    NOT NULL,
    recorded_at           TEXT    NOT NULL
);

CREATE UNIQUE INDEX UX_match_outcomes_public_id ON match_outcomes (public_id);
CREATE INDEX IX_match_outcomes_match ON match_outcomes (match_id, recorded_at, id);
CREATE INDEX IX_match_outcomes_need ON match_outcomes (need_id, recorded_at, id);
