namespace Matchmaker.Api.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
