-- ASP.NET Core Data Protection's key ring (the keys that seal list cursors), kept where every API
-- instance already looks, so all of them open each other's cursors, before and after a restart.
CREATE TABLE data_protection_keys (
    id             int IDENTITY(1, 1) NOT NULL CONSTRAINT PK_data_protection_keys PRIMARY KEY,
    friendly_name  nvarchar(200)      NOT NULL,
    key_xml        nvarchar(max)      NOT NULL
);
