CREATE TABLE smes (
    id                  INTEGER NOT NULL CONSTRAINT PK_smes PRIMARY KEY AUTOINCREMENT,
    public_id           TEXT    NOT NULL,
    owner_user_id       INTEGER NOT NULL CONSTRAINT FK_smes_users REFERENCES users (id),
    name                TEXT    NOT NULL,
    search_text         TEXT    NOT NULL,
    inn                 TEXT    NOT NULL,
    region_code         TEXT    NOT NULL CONSTRAINT FK_smes_regions REFERENCES regions (code),
    employees           INTEGER NOT NULL CONSTRAINT CK_smes_employees CHECK (employees >= 1),
    founded_year        INTEGER NULL,
    export_oriented     INTEGER NOT NULL,
    languages           TEXT    NOT NULL,
    certifications      TEXT    NOT NULL,
    description         TEXT    NULL,
    contact_person      TEXT    NOT NULL,
    contact_email       TEXT    NOT NULL,
    contact_phone       TEXT    NULL,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1
);

CREATE UNIQUE INDEX UX_smes_public_id ON smes (public_id);
CREATE UNIQUE INDEX UX_smes_owner_user_id ON smes (owner_user_id);
CREATE UNIQUE INDEX UX_smes_inn ON smes (inn);
CREATE INDEX IX_smes_region_code ON smes (region_code, id);

CREATE TABLE sme_sectors (
    sme_id       INTEGER NOT NULL CONSTRAINT FK_sme_sectors_smes REFERENCES smes (id) ON DELETE CASCADE,
    sector_code  TEXT    NOT NULL CONSTRAINT FK_sme_sectors_sectors REFERENCES sectors (code),
    position     INTEGER NOT NULL,
    CONSTRAINT PK_sme_sectors PRIMARY KEY (sme_id, sector_code)
);

CREATE INDEX IX_sme_sectors_sector_code ON sme_sectors (sector_code, sme_id);
