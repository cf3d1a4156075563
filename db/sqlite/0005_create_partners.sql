CREATE TABLE partners (
    id                        INTEGER NOT NULL CONSTRAINT PK_partners PRIMARY KEY AUTOINCREMENT,
    public_id                 TEXT    NOT NULL,
    owner_user_id             INTEGER NOT NULL CONSTRAINT FK_partners_users REFERENCES users (id),
    name                      TEXT    NOT NULL,
    name_zh                   TEXT    NULL,
    search_text               TEXT    NOT NULL,
    uscc                      TEXT    NOT NULL,
    city_code                 TEXT    NOT NULL CONSTRAINT FK_partners_cities REFERENCES cities (code),
    kind                      TEXT    NOT NULL CONSTRAINT CK_partners_kind CHECK (kind IN ('manufacturer', 'investor', 'both')),
    ticket_min_usd            NUMERIC NOT NULL,
    ticket_max_usd            NUMERIC NOT NULL,
    languages                 TEXT    NOT NULL,
    seeks_export_oriented     INTEGER NOT NULL,
    required_certifications   TEXT    NOT NULL,
    description               TEXT    NULL,
    contact_person            TEXT    NOT NULL,
    contact_email             TEXT    NOT NULL,
    contact_phone             TEXT    NULL,
    created_at                TEXT    NOT NULL,
    updated_at                TEXT    NOT NULL,
    version                   INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT CK_partners_ticket CHECK (ticket_min_usd > 0 AND ticket_min_usd <= ticket_max_usd)
);

CREATE UNIQUE INDEX UX_partners_public_id ON partners (public_id);
CREATE UNIQUE INDEX UX_partners_owner_user_id ON partners (owner_user_id);
CREATE UNIQUE INDEX UX_partners_uscc ON partners (uscc);
CREATE INDEX IX_partners_city_code ON partners (city_code, id);

CREATE TABLE partner_sectors (
    partner_id   INTEGER NOT NULL CONSTRAINT FK_partner_sectors_partners REFERENCES partners (id) ON DELETE CASCADE,
    sector_code  TEXT    NOT NULL CONSTRAINT FK_partner_sectors_sectors REFERENCES sectors (code),
    position     INTEGER NOT NULL,
    CONSTRAINT PK_partner_sectors PRIMARY KEY (partner_id, sector_code)
);

CREATE INDEX IX_partner_sectors_sector_code ON partner_sectors (sector_code, partner_id);

CREATE TABLE partner_offerings (
    partner_id      INTEGER NOT NULL CONSTRAINT FK_partner_offerings_partners REFERENCES partners (id) ON DELETE CASCADE,
    need_type_code  TEXT    NOT NULL CONSTRAINT FK_partner_offerings_need_types REFERENCES need_types (code),
    position        INTEGER NOT NULL,
    CONSTRAINT PK_partner_offerings PRIMARY KEY (partner_id, need_type_code)
);

CREATE TABLE partner_target_regions (
    partner_id   INTEGER NOT NULL CONSTRAINT FK_partner_target_regions_partners REFERENCES partners (id) ON DELETE CASCADE,
    region_code  TEXT    NOT NULL CONSTRAINT FK_partner_target_regions_regions REFERENCES regions (code),
    position     INTEGER NOT NULL,
    CONSTRAINT PK_partner_target_regions PRIMARY KEY (partner_id, region_code)
);
