namespace Matchmaker.Api.Infrastructure.Data;

internal sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, string? ReadOnlyConnectionString)
{
    public const string DefaultSqliteConnection = "Data Source=data/matchmaker.db";

    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
            throw new InvalidOperationException(
                $"Database:Provider must be 'Sqlite' or 'SqlServer', not '{providerText}'.");

        var connection = configuration.GetConnectionString("Matchmaker");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.SqlServer)
                throw new InvalidOperationException(
                    "ConnectionStrings:Matchmaker must be set when Database:Provider is SqlServer.");
            connection = DefaultSqliteConnection;
        }

        var readOnly = configuration.GetConnectionString("MatchmakerReadOnly");
        if (provider == DatabaseProvider.Sqlite)
        {
            connection = SqliteConnections.Normalize(connection, contentRoot);
            readOnly = string.IsNullOrWhiteSpace(readOnly) ? null : SqliteConnections.Normalize(readOnly, contentRoot);
        }

        return new DatabaseOptions(provider, connection, string.IsNullOrWhiteSpace(readOnly) ? null : readOnly);
    }
}
