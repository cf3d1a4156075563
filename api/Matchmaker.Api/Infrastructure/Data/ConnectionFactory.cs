using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Matchmaker.Api.Infrastructure.Data;

/// <summary>
/// Opens connections to the primary database or, for reports and searches, the read replica. What
/// differs between the providers' SQL is <see cref="SqlDialect"/>'s business, not this one's.
/// </summary>
internal sealed class ConnectionFactory(DatabaseOptions options)
{
    static ConnectionFactory() => DapperTypeHandlers.Register();

    public DatabaseOptions Options => options;

    public Task<DbConnection> OpenAsync(CancellationToken ct) => OpenAsync(options.ConnectionString, ct);

    public Task<DbConnection> OpenReadOnlyAsync(CancellationToken ct) =>
        OpenAsync(options.ReadOnlyConnectionString ?? options.ConnectionString, ct);

    private async Task<DbConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        DbConnection connection = options.Provider == DatabaseProvider.SqlServer
            ? new SqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
