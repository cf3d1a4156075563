CREATE TABLE regions (
    code      TEXT NOT NULL CONSTRAINT PK_regions PRIMARY KEY,
    name_en   TEXT NOT NULL,
    name_ru   TEXT NOT NULL,
    name_zh   TEXT NOT NULL
);

CREATE TABLE cities (
    code      TEXT NOT NULL CONSTRAINT PK_cities PRIMARY KEY,
    name_en   TEXT NOT NULL,
    name_ru   TEXT NOT NULL,
    name_zh   TEXT NOT NULL,
    division  TEXT NOT NULL
);

CREATE TABLE sectors (
    code      TEXT NOT NULL CONSTRAINT PK_sectors PRIMARY KEY,
    section   TEXT NOT NULL,
    level     TEXT NOT NULL CONSTRAINT CK_sectors_level CHECK (level IN ('section', 'division')),
    name_en   TEXT NOT NULL,
    name_ru   TEXT NOT NULL,
    name_zh   TEXT NOT NULL
);

CREATE TABLE need_types (
    code      TEXT NOT NULL CONSTRAINT PK_need_types PRIMARY KEY,
    name_en   TEXT NOT NULL,
    name_ru   TEXT NOT NULL,
    name_zh   TEXT NOT NULL
);

CREATE TABLE currencies (
    code      TEXT NOT NULL CONSTRAINT PK_currencies PRIMARY KEY,
    name_en   TEXT NOT NULL,
    name_ru   TEXT NOT NULL,
    name_zh   TEXT NOT NULL
);

CREATE TABLE fx_rates (
    id             INTEGER NOT NULL CONSTRAINT PK_fx_rates PRIMARY KEY AUTOINCREMENT,
    currency       TEXT    NOT NULL CONSTRAINT FK_fx_rates_currencies REFERENCES currencies (code),
    usd_per_unit   NUMERIC NOT NULL CONSTRAINT CK_fx_rates_positive CHECK (usd_per_unit > 0),
    effective_date TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    CONSTRAINT UQ_fx_rates_currency_date UNIQUE (currency, effective_date)
);
