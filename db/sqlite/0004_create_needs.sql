CREATE TABLE needs (
    id                INTEGER NOT NULL CONSTRAINT PK_needs PRIMARY KEY AUTOINCREMENT,
    public_id         TEXT    NOT NULL,
    sme_id            INTEGER NOT NULL CONSTRAINT FK_needs_smes REFERENCES smes (id),
    title             TEXT    NOT NULL,
    search_text       TEXT    NOT NULL,
    description       TEXT    NULL,
    amount            NUMERIC NOT NULL CONSTRAINT CK_needs_amount CHECK (amount > 0),
    currency          TEXT    NOT NULL CONSTRAINT FK_needs_currencies REFERENCES currencies (code),
    amount_usd        NUMERIC NOT NULL,
    jobs_to_create    INTEGER NOT NULL CONSTRAINT CK_needs_jobs CHECK (jobs_to_create >= 0),
    export_markets    TEXT    NOT NULL,
    horizon_months    INTEGER NOT NULL CONSTRAINT CK_needs_horizon CHECK (horizon_months BETWEEN 1 AND 120),
    has_own_sectors   INTEGER NOT NULL,
    status            TEXT    NOT NULL CONSTRAINT CK_needs_status CHECK (status IN ('open', 'closed')),
    close_reason      TEXT    NULL,
    closed_at         TEXT    NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1
);

CREATE UNIQUE INDEX UX_needs_public_id ON needs (public_id);
CREATE INDEX IX_needs_sme_id ON needs (sme_id, id);
CREATE INDEX IX_needs_status ON needs (status, id);

CREATE TABLE need_sectors (
    need_id      INTEGER NOT NULL CONSTRAINT FK_need_sectors_needs REFERENCES needs (id) ON DELETE CASCADE,
    sector_code  TEXT    NOT NULL CONSTRAINT FK_need_sectors_sectors REFERENCES sectors (code),
    position     INTEGER NOT NULL,
    CONSTRAINT PK_need_sectors PRIMARY KEY (need_id, sector_code)
);

CREATE INDEX IX_need_sectors_sector_code ON need_sectors (sector_code, need_id);

CREATE TABLE need_need_types (
    need_id         INTEGER NOT NULL CONSTRAINT FK_need_need_types_needs REFERENCES needs (id) ON DELETE CASCADE,
    need_type_code  TEXT    NOT NULL CONSTRAINT FK_need_need_types_need_types REFERENCES need_types (code),
    position        INTEGER NOT NULL,
    CONSTRAINT PK_need_need_types PRIMARY KEY (need_id, need_type_code)
);

CREATE INDEX IX_need_need_types_code ON need_need_types (need_type_code, need_id);
