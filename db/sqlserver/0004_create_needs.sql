CREATE TABLE needs (
    id                bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_needs PRIMARY KEY,
    public_id         uniqueidentifier NOT NULL,
    sme_id            bigint           NOT NULL CONSTRAINT FK_needs_smes REFERENCES smes (id),
    title             nvarchar(200)    NOT NULL,
    search_text       nvarchar(400)    NOT NULL,
    description       nvarchar(4000)   NULL,
    amount            decimal(19, 2)   NOT NULL CONSTRAINT CK_needs_amount CHECK (amount > 0),
    currency          char(3)          NOT NULL CONSTRAINT FK_needs_currencies REFERENCES currencies (code),
    amount_usd        decimal(19, 2)   NOT NULL,
    jobs_to_create    int              NOT NULL CONSTRAINT CK_needs_jobs CHECK (jobs_to_create >= 0),
    export_markets    nvarchar(800)    NOT NULL,
    horizon_months    int              NOT NULL CONSTRAINT CK_needs_horizon CHECK (horizon_months BETWEEN 1 AND 120),
    has_own_sectors   bit              NOT NULL,
    status            nvarchar(10)     NOT NULL CONSTRAINT CK_needs_status CHECK (status IN ('open', 'closed')),
    close_reason      nvarchar(1000)   NULL,
    closed_at         datetime2        NULL,
    created_at        datetime2        NOT NULL,
    updated_at        datetime2        NOT NULL,
    version           int              NOT NULL CONSTRAINT DF_needs_version DEFAULT 1
);

CREATE UNIQUE INDEX UX_needs_public_id ON needs (public_id);
CREATE INDEX IX_needs_sme_id ON needs (sme_id, id);
CREATE INDEX IX_needs_status ON needs (status, id);

CREATE TABLE need_sectors (
    need_id      bigint      NOT NULL CONSTRAINT FK_need_sectors_needs REFERENCES needs (id) ON DELETE CASCADE,
    sector_code  nvarchar(3) NOT NULL CONSTRAINT FK_need_sectors_sectors REFERENCES sectors (code),
    position     int         NOT NULL,
    CONSTRAINT PK_need_sectors PRIMARY KEY (need_id, sector_code)
);

CREATE INDEX IX_need_sectors_sector_code ON need_sectors (sector_code, need_id);

CREATE TABLE need_need_types (
    need_id         bigint       NOT NULL CONSTRAINT FK_need_need_types_needs REFERENCES needs (id) ON DELETE CASCADE,
    need_type_code  nvarchar(30) NOT NULL CONSTRAINT FK_need_need_types_need_types REFERENCES need_types (code),
    position        int          NOT NULL,
    CONSTRAINT PK_need_need_types PRIMARY KEY (need_id, need_type_code)
);

CREATE INDEX IX_need_need_types_code ON need_need_types (need_type_code, need_id);
