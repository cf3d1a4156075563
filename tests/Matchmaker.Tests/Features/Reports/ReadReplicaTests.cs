using Dapper;
using Microsoft.Data.Sqlite;

namespace Matchmaker.Tests.Features.Reports;

/// <summary>A SQLite app whose read replica is a second database file, set once the test has made a copy.</summary>
public sealed class ReplicaSqliteApi : SqliteApi
{
    public string? ReplicaPath { get; set; }

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => ReplicaPath is null
        ? base.ExtraSettings
        : new Dictionary<string, string?> { ["ConnectionStrings:MatchmakerReadOnly"] = $"Data Source={ReplicaPath}" };
}

/// <summary>Reports and the export read from <c>ConnectionStrings:MatchmakerReadOnly</c>; writes still go to the primary.</summary>
public sealed class ReadReplicaTests(ReplicaSqliteApi api) : IClassFixture<ReplicaSqliteApi>
{
    private const string CountSmesSql = "SELECT COUNT(*) FROM smes";

    [Fact]
    public async Task Reports_read_the_replica_while_writes_land_on_the_primary()
    {
        var first = await api.UserAsync("sme");
        await ProfileStates.SetAsync(api, "smes", await Create.SmeAsync(first, Bodies.Sme(name: "Before the copy")), "verified");
        var primaryPath = new SqliteConnectionStringBuilder(api.ConnectionString).DataSource;
        var replicaPath = Path.Combine(Path.GetDirectoryName(primaryPath)!, "replica.db");
        await using (var primary = await api.OpenDatabaseAsync())
            await primary.ExecuteAsync($"VACUUM INTO '{replicaPath.Replace("'", "''", StringComparison.Ordinal)}'");
        api.ReplicaPath = replicaPath;
        await api.RestartAsync();

        var second = await api.UserAsync("sme");
        var secondId = await Create.SmeAsync(second, Bodies.Sme(name: "After the copy"));
        var admin = await api.AdminAsync();

        var summary = await Expect.StatusAsync(await admin.Client.GetAsync("/api/v1/reports/summary"), 200);
        var byRegion = await Expect.StatusAsync(await admin.Client.GetAsync("/api/v1/reports/by-region"), 200);
        await Expect.StatusAsync(await second.Client.GetAsync($"/api/v1/smes/{secondId}"), 200);

        Assert.Equal(1, summary["smes"]!.GetValue<long>());
        Assert.Equal(1, byRegion["items"]!.AsArray().Sum(r => r!["smes"]!.GetValue<long>()));
        await using var primaryDb = await api.OpenDatabaseAsync();
        Assert.Equal(2, await primaryDb.ExecuteScalarAsync<long>(CountSmesSql));
        await using var replicaDb = new SqliteConnection($"Data Source={replicaPath}");
        await replicaDb.OpenAsync();
        Assert.Equal(1, await replicaDb.ExecuteScalarAsync<long>(CountSmesSql));
    }
}
