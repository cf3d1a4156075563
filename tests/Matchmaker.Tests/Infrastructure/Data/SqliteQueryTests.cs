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

    [Theory]
    [InlineData("Matchmaker.Api.Features.Needs.NeedStore.DueForSweepSql", "IX_needs_expiry_sweep (status=? AND expiry_swept_at=? AND expires_at<?)")]
    [InlineData("Matchmaker.Api.Features.Needs.NeedStore.DueForReminderSql", "IX_needs_expiry_reminder (status=? AND reminded_at=? AND expires_at>? AND expires_at<?)")]
    public void The_expiry_sweep_and_the_reminders_find_their_needs_by_their_index_in_expiry_order(string query, string search)
    {
        var plan = Plan(query);

        Assert.Contains(plan, step => step.StartsWith("SEARCH needs USING", StringComparison.Ordinal) && step.EndsWith(search, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal) || step.StartsWith("SCAN", StringComparison.Ordinal));
    }

    private List<string> Plan(string query)
    {
        using var connection = new SqliteConnection(api.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqlCatalog.AsSentTo(DatabaseProvider.Sqlite, SqlCatalog.Queries.Single(q => q.Name == query).Sql);
        var plan = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            plan.Add(reader.GetString(3));
        return plan;
    }

    [Theory]
    [InlineData("Matchmaker.Api.Features.Matching.NeedMatches.Endpoint.Sql", "IX_matches_need_status (need_id=? AND status=?)")]
    [InlineData("Matchmaker.Api.Features.Matching.PartnerMatches.Endpoint.Sql", "IX_matches_partner_id (partner_id=? AND status=?)")]
    public void A_match_list_seeks_its_owners_matches_by_status_and_reads_each_score_by_its_match(string query, string seek)
    {
        using var connection = new SqliteConnection(api.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqlCatalog.AsSentTo(DatabaseProvider.Sqlite, SqlCatalog.Queries.Single(q => q.Name == query).Sql);
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, step => step.StartsWith("SEARCH m USING", StringComparison.Ordinal) && step.EndsWith(seek, StringComparison.Ordinal));
        Assert.Contains("SEARCH ms USING INDEX sqlite_autoindex_match_scores_1 (match_id=? AND criteria_version=?)", plan);
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN m", StringComparison.Ordinal));
    }
}
