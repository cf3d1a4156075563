-- The synthetic world as a Dapper user would store it: one row per need and per partner, one child
-- table per list, each keyed by its owner first so that "this owner's rows" is an index range.
-- SQLite only (the peer benchmark's own file); not a migration of the API.
-- The world has one SME per need, so the SME's fields sit on the need.

CREATE TABLE isic_divisions (
    code    TEXT NOT NULL CONSTRAINT PK_isic_divisions PRIMARY KEY,
    section TEXT NOT NULL
);
CREATE INDEX IX_isic_divisions_section ON isic_divisions (section, code);

CREATE TABLE needs (
    id              INTEGER NOT NULL CONSTRAINT PK_needs PRIMARY KEY,
    amount_usd      REAL    NOT NULL,
    jobs            INTEGER NOT NULL,
    region          TEXT    NOT NULL,
    export_oriented INTEGER NOT NULL
);

CREATE TABLE need_sectors (
    need_id  INTEGER NOT NULL CONSTRAINT FK_need_sectors_needs REFERENCES needs (id),
    division TEXT    NOT NULL CONSTRAINT FK_need_sectors_isic_divisions REFERENCES isic_divisions (code),
    CONSTRAINT PK_need_sectors PRIMARY KEY (need_id, division)
) WITHOUT ROWID;

CREATE TABLE need_types (
    need_id   INTEGER NOT NULL CONSTRAINT FK_need_types_needs REFERENCES needs (id),
    need_type TEXT    NOT NULL,
    CONSTRAINT PK_need_types PRIMARY KEY (need_id, need_type)
) WITHOUT ROWID;

CREATE TABLE sme_languages (
    need_id  INTEGER NOT NULL CONSTRAINT FK_sme_languages_needs REFERENCES needs (id),
    language TEXT    NOT NULL,
    CONSTRAINT PK_sme_languages PRIMARY KEY (need_id, language)
) WITHOUT ROWID;

CREATE TABLE sme_certifications (
    need_id       INTEGER NOT NULL CONSTRAINT FK_sme_certifications_needs REFERENCES needs (id),
    certification TEXT    NOT NULL,
    CONSTRAINT PK_sme_certifications PRIMARY KEY (need_id, certification)
) WITHOUT ROWID;

CREATE TABLE partners (
    id           INTEGER NOT NULL CONSTRAINT PK_partners PRIMARY KEY,
    min_usd      REAL    NOT NULL,
    max_usd      REAL    NOT NULL,
    seeks_export INTEGER NOT NULL
);

CREATE TABLE partner_sectors (
    partner_id INTEGER NOT NULL CONSTRAINT FK_partner_sectors_partners REFERENCES partners (id),
    division   TEXT    NOT NULL CONSTRAINT FK_partner_sectors_isic_divisions REFERENCES isic_divisions (code),
    CONSTRAINT PK_partner_sectors PRIMARY KEY (partner_id, division)
) WITHOUT ROWID;

CREATE TABLE partner_offerings (
    partner_id INTEGER NOT NULL CONSTRAINT FK_partner_offerings_partners REFERENCES partners (id),
    need_type  TEXT    NOT NULL,
    CONSTRAINT PK_partner_offerings PRIMARY KEY (partner_id, need_type)
) WITHOUT ROWID;

CREATE TABLE partner_regions (
    partner_id INTEGER NOT NULL CONSTRAINT FK_partner_regions_partners REFERENCES partners (id),
    region     TEXT    NOT NULL,
    CONSTRAINT PK_partner_regions PRIMARY KEY (partner_id, region)
) WITHOUT ROWID;

CREATE TABLE partner_languages (
    partner_id INTEGER NOT NULL CONSTRAINT FK_partner_languages_partners REFERENCES partners (id),
    language   TEXT    NOT NULL,
    CONSTRAINT PK_partner_languages PRIMARY KEY (partner_id, language)
) WITHOUT ROWID;

CREATE TABLE partner_certifications (
    partner_id    INTEGER NOT NULL CONSTRAINT FK_partner_certifications_partners REFERENCES partners (id),
    certification TEXT    NOT NULL,
    CONSTRAINT PK_partner_certifications PRIMARY KEY (partner_id, certification)
) WITHOUT ROWID;
