using Matchmaker.Api.Infrastructure.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Matchmaker.Tests.Infrastructure.Data;

/// <summary>
/// Runs everywhere, Docker or not: every T-SQL migration and every query as SQL Server receives
/// it must parse with SQL Server 2022's grammar.
/// </summary>
public sealed class SqlServerParseTests
{
    [Fact]
    public void Every_sql_server_migration_parses()
    {
        var scripts = SqlCatalog.ScriptFiles("sqlserver").ToList();
        Assert.True(scripts.Count >= 6, $"expected the migrations to be copied next to the tests, found {scripts.Count}");
        foreach (var script in scripts)
            AssertParses(Path.GetFileName(script), File.ReadAllText(script));
    }

    [Fact]
    public void Every_query_parses_as_tsql()
    {
        Assert.True(SqlCatalog.Queries.Count >= 40, $"expected the API's queries, found {SqlCatalog.Queries.Count}");
        foreach (var (name, sql) in SqlCatalog.Queries)
            AssertParses(name, SqlCatalog.AsSentTo(DatabaseProvider.SqlServer, sql));
    }

    [Fact]
    public void The_application_lock_of_the_match_writes_parses_as_tsql() =>
        AssertParses(nameof(SqlDialect.ExclusiveLockTsql), SqlDialect.ExclusiveLockTsql);

    [Fact]
    public void The_statements_built_from_literal_rows_parse_as_tsql_and_stay_within_sql_servers_1000_rows()
    {
        Assert.InRange(Matchmaker.Api.Features.Matching.MatchStore.RowsPerStatement, 1, SqlDialect.MaxValuesRows);
        foreach (var (name, sql) in SqlCatalog.Built(DatabaseProvider.SqlServer))
            AssertParses(name, sql);
    }

    [Fact]
    public void A_values_table_names_its_columns_on_sql_server_and_leaves_sqlite_to_name_them()
    {
        string[] rows = ["(1, 2)", "(3, 4)"];

        Assert.Equal("(VALUES (1, 2), (3, 4)) AS v(column1, column2)", new SqlDialect(DatabaseProvider.SqlServer).ValuesTable(rows, "v", 2));
        Assert.Equal("(VALUES (1, 2), (3, 4)) AS v", new SqlDialect(DatabaseProvider.Sqlite).ValuesTable(rows, "v", 2));
    }

    [Fact]
    public void Every_query_stays_within_sql_servers_2100_parameters_with_its_lists_at_their_largest()
    {
        const int sqlServerLimit = 2100;
        foreach (var (name, sql) in SqlCatalog.Queries)
        {
            var count = SqlCatalog.LargestParameterCount(sql, out var unbounded);
            Assert.True(count is not null,
                $"{name} sends {unbounded} as one parameter per item with no bound on the items; write IN {IdChunks.Marker} and run it through {nameof(IdChunks)}");
            Assert.True(count <= sqlServerLimit, $"{name} can send {count} parameters; SQL Server accepts {sqlServerLimit}");
        }
    }

    [Fact]
    public void The_parameter_count_sees_an_id_list_sent_whole()
    {
        Assert.Null(SqlCatalog.LargestParameterCount("SELECT id FROM needs WHERE id IN @Ids", out var unbounded));
        Assert.Equal("@Ids", unbounded);
        Assert.Equal(IdChunks.Size + 1, SqlCatalog.LargestParameterCount($"SELECT id FROM needs WHERE id IN {IdChunks.Marker} AND version = @Version", out _));
    }

    [Fact]
    public void The_parse_check_rejects_sqlite_only_syntax()
    {
        var errors = Parse("SELECT id FROM needs ORDER BY id DESC LIMIT 5");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Paged_queries_get_top_on_sql_server_and_limit_on_sqlite()
    {
        const string sql = "SELECT /**top**/ id FROM needs ORDER BY id DESC /**limit**/";

        Assert.Equal("SELECT TOP (@Take) id FROM needs ORDER BY id DESC ", new SqlDialect(DatabaseProvider.SqlServer).Render(sql));
        Assert.Equal("SELECT  id FROM needs ORDER BY id DESC LIMIT @Take", new SqlDialect(DatabaseProvider.Sqlite).Render(sql));
    }

    private static void AssertParses(string name, string sql)
    {
        var errors = Parse(sql);
        Assert.True(errors.Count == 0,
            $"{name} does not parse as T-SQL:\n{string.Join("\n", errors.Select(e => $"  line {e.Line}, column {e.Column}: {e.Message}"))}\n{sql}");
    }

    private static IList<ParseError> Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors;
    }
}
