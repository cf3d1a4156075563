-- The API's own SQL Server login, run by docker-compose's sqlserver-setup service as sa:
--   sqlcmd ... -v ApiLogin=matchmaker_api ApiPassword=... -i create-api-login.sql
-- The API may read and write rows and run its migrations in the Matchmaker database; it is not a
-- server administrator, cannot read other databases, and cannot create or drop databases or logins.
-- Re-running it keeps the login and sets the password given.
IF DB_ID(N'Matchmaker') IS NULL
    CREATE DATABASE Matchmaker;
GO

IF SUSER_ID(N'$(ApiLogin)') IS NULL
    CREATE LOGIN [$(ApiLogin)] WITH PASSWORD = N'$(ApiPassword)', DEFAULT_DATABASE = Matchmaker, CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [$(ApiLogin)] WITH PASSWORD = N'$(ApiPassword)';
GO

USE Matchmaker;
GO

IF USER_ID(N'$(ApiLogin)') IS NULL
    CREATE USER [$(ApiLogin)] FOR LOGIN [$(ApiLogin)];
ALTER ROLE db_datareader ADD MEMBER [$(ApiLogin)];
ALTER ROLE db_datawriter ADD MEMBER [$(ApiLogin)];
-- Migrations create and alter tables, views, indexes and triggers.
ALTER ROLE db_ddladmin ADD MEMBER [$(ApiLogin)];
GO
