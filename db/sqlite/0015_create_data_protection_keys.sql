-- ASP.NET Core Data Protection's key ring (the keys that seal list cursors), kept where every API
-- instance already looks, so all of them open each other's cursors, before and after a restart.
CREATE TABLE data_protection_keys (
    id             INTEGER NOT NULL CONSTRAINT PK_data_protection_keys PRIMARY KEY AUTOINCREMENT,
    friendly_name  TEXT    NOT NULL,
    key_xml        TEXT    NOT NULL
);
