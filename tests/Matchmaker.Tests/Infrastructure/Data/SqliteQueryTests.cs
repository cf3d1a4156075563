using Matchmaker.Api.Infrastructure.Data;
using Microsoft.Data.Sqlite;

namespace Matchmaker.Tests.Infrastructure.Data;

/// <summary>SQLite compiles every query against the migrated schema, so a typo in a rarely used path fails here first.</summary>
public sealed class SqliteQueryTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public void Every_query_compiles_against_the_migrated_sqlite_schema()
    {
        using var connection = new SqliteConnection(api.ConnectionString);
        connection.Open();
        var failures = new List<string>();
        var queries = SqlCatalog.Queries.Select(q => (q.Name, Sql: SqlCatalog.AsSentTo(DatabaseProvider.Sqlite, q.Sql)))
            .Concat(SqlCatalog.Built(DatabaseProvider.Sqlite));
        foreach (var (name, sql) in queries)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            try
            {
                command.Prepare();
            }
            catch (SqliteException e)
            {
                failures.Add($"{name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
