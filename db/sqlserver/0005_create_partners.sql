CREATE TABLE partners (
    id                        bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_partners PRIMARY KEY,
    public_id                 uniqueidentifier NOT NULL,
    owner_user_id             bigint           NOT NULL CONSTRAINT FK_partners_users REFERENCES users (id),
    name                      nvarchar(200)    NOT NULL,
    name_zh                   nvarchar(200)    NULL,
    search_text               nvarchar(400)    NOT NULL,
    uscc                      char(18)         NOT NULL,
    city_code                 nvarchar(20)     NOT NULL CONSTRAINT FK_partners_cities REFERENCES cities (code),
    kind                      nvarchar(16)     NOT NULL CONSTRAINT CK_partners_kind CHECK (kind IN ('manufacturer', 'investor', 'both')),
    ticket_min_usd            decimal(19, 2)   NOT NULL,
    ticket_max_usd            decimal(19, 2)   NOT NULL,
    languages                 nvarchar(100)    NOT NULL,
    seeks_export_oriented     bit              NOT NULL,
    required_certifications   nvarchar(2000)   NOT NULL,
    description               nvarchar(4000)   NULL,
    contact_person            nvarchar(200)    NOT NULL,
    contact_email             nvarchar(254)    NOT NULL,
    contact_phone             nvarchar(40)     NULL,
    created_at                datetime2        NOT NULL,
    updated_at                datetime2        NOT NULL,
    version                   int              NOT NULL CONSTRAINT DF_partners_version DEFAULT 1,
    CONSTRAINT CK_partners_ticket CHECK (ticket_min_usd > 0 AND ticket_min_usd <= ticket_max_usd)
);

CREATE UNIQUE INDEX UX_partners_public_id ON partners (public_id);
CREATE UNIQUE INDEX UX_partners_owner_user_id ON partners (owner_user_id);
CREATE UNIQUE INDEX UX_partners_uscc ON partners (uscc);
CREATE INDEX IX_partners_city_code ON partners (city_code, id);

CREATE TABLE partner_sectors (
    partner_id   bigint      NOT NULL CONSTRAINT FK_partner_sectors_partners REFERENCES partners (id) ON DELETE CASCADE,
    sector_code  nvarchar(3) NOT NULL CONSTRAINT FK_partner_sectors_sectors REFERENCES sectors (code),
    position     int         NOT NULL,
    CONSTRAINT PK_partner_sectors PRIMARY KEY (partner_id, sector_code)
);

CREATE INDEX IX_partner_sectors_sector_code ON partner_sectors (sector_code, partner_id);

CREATE TABLE partner_offerings (
    partner_id      bigint       NOT NULL CONSTRAINT FK_partner_offerings_partners REFERENCES partners (id) ON DELETE CASCADE,
    need_type_code  nvarchar(30) NOT NULL CONSTRAINT FK_partner_offerings_need_types REFERENCES need_types (code),
    position        int          NOT NULL,
    CONSTRAINT PK_partner_offerings PRIMARY KEY (partner_id, need_type_code)
);

CREATE TABLE partner_target_regions (
    partner_id   bigint      NOT NULL CONSTRAINT FK_partner_target_regions_partners REFERENCES partners (id) ON DELETE CASCADE,
    region_code  nvarchar(8) NOT NULL CONSTRAINT FK_partner_target_regions_regions REFERENCES regions (code),
    position     int         NOT NULL,
    CONSTRAINT PK_partner_target_regions PRIMARY KEY (partner_id, region_code)
);
