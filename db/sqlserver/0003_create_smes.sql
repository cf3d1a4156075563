CREATE TABLE smes (
    id                  bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_smes PRIMARY KEY,
    public_id           uniqueidentifier NOT NULL,
    owner_user_id       bigint           NOT NULL CONSTRAINT FK_smes_users REFERENCES users (id),
    name                nvarchar(200)    NOT NULL,
    search_text         nvarchar(400)    NOT NULL,
    inn                 char(14)         NOT NULL,
    region_code         nvarchar(8)      NOT NULL CONSTRAINT FK_smes_regions REFERENCES regions (code),
    employees           int              NOT NULL CONSTRAINT CK_smes_employees CHECK (employees >= 1),
    founded_year        int              NULL,
    export_oriented     bit              NOT NULL,
    languages           nvarchar(100)    NOT NULL,
    certifications      nvarchar(2000)   NOT NULL,
    description         nvarchar(4000)   NULL,
    contact_person      nvarchar(200)    NOT NULL,
    contact_email       nvarchar(254)    NOT NULL,
    contact_phone       nvarchar(40)     NULL,
    created_at          datetime2        NOT NULL,
    updated_at          datetime2        NOT NULL,
    version             int              NOT NULL CONSTRAINT DF_smes_version DEFAULT 1
);

CREATE UNIQUE INDEX UX_smes_public_id ON smes (public_id);
CREATE UNIQUE INDEX UX_smes_owner_user_id ON smes (owner_user_id);
CREATE UNIQUE INDEX UX_smes_inn ON smes (inn);
CREATE INDEX IX_smes_region_code ON smes (region_code, id);

CREATE TABLE sme_sectors (
    sme_id       bigint      NOT NULL CONSTRAINT FK_sme_sectors_smes REFERENCES smes (id) ON DELETE CASCADE,
    sector_code  nvarchar(3) NOT NULL CONSTRAINT FK_sme_sectors_sectors REFERENCES sectors (code),
    position     int         NOT NULL,
    CONSTRAINT PK_sme_sectors PRIMARY KEY (sme_id, sector_code)
);

CREATE INDEX IX_sme_sectors_sector_code ON sme_sectors (sector_code, sme_id);
