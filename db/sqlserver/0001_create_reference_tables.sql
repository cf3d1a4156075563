CREATE TABLE regions (
    code      nvarchar(8)   NOT NULL CONSTRAINT PK_regions PRIMARY KEY,
    name_en   nvarchar(100) NOT NULL,
    name_ru   nvarchar(100) NOT NULL,
    name_zh   nvarchar(100) NOT NULL
);

CREATE TABLE cities (
    code      nvarchar(20)  NOT NULL CONSTRAINT PK_cities PRIMARY KEY,
    name_en   nvarchar(100) NOT NULL,
    name_ru   nvarchar(100) NOT NULL,
    name_zh   nvarchar(100) NOT NULL,
    division  char(6)       NOT NULL
);

CREATE TABLE sectors (
    code      nvarchar(3)   NOT NULL CONSTRAINT PK_sectors PRIMARY KEY,
    section   char(1)       NOT NULL,
    level     nvarchar(10)  NOT NULL CONSTRAINT CK_sectors_level CHECK (level IN ('section', 'division')),
    name_en   nvarchar(300) NOT NULL,
    name_ru   nvarchar(300) NOT NULL,
    name_zh   nvarchar(300) NOT NULL
);

CREATE TABLE need_types (
    code      nvarchar(30)  NOT NULL CONSTRAINT PK_need_types PRIMARY KEY,
    name_en   nvarchar(100) NOT NULL,
    name_ru   nvarchar(100) NOT NULL,
    name_zh   nvarchar(100) NOT NULL
);

CREATE TABLE currencies (
    code      char(3)       NOT NULL CONSTRAINT PK_currencies PRIMARY KEY,
    name_en   nvarchar(100) NOT NULL,
    name_ru   nvarchar(100) NOT NULL,
    name_zh   nvarchar(100) NOT NULL
);

CREATE TABLE fx_rates (
    id             bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_fx_rates PRIMARY KEY,
    currency       char(3)        NOT NULL CONSTRAINT FK_fx_rates_currencies REFERENCES currencies (code),
    usd_per_unit   decimal(19, 9) NOT NULL CONSTRAINT CK_fx_rates_positive CHECK (usd_per_unit > 0),
    effective_date date           NOT NULL,
    created_at     datetime2      NOT NULL,
    CONSTRAINT UQ_fx_rates_currency_date UNIQUE (currency, effective_date)
);
