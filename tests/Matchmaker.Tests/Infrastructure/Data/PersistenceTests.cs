using Matchmaker.Api.Infrastructure.Data;

namespace Matchmaker.Tests.Infrastructure.Data;

public sealed class PersistenceTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Data_written_before_a_restart_is_there_after_it()
    {
        var sme = await api.UserAsync("sme");
        var smeId = await Create.SmeAsync(sme, Bodies.Sme(name: "Иссык-Куль Агро"));
        var needId = await Create.NeedAsync(sme, smeId);
        var partner = await api.UserAsync("partner");
        var partnerId = await Create.PartnerAsync(partner);

        await api.RestartAsync();

        var again = await api.SignInAsync(sme.Email, ApiFixture.Password, "sme");
        var profile = await Expect.StatusAsync(await again.Client.GetAsync($"/api/v1/smes/{smeId}"), 200);
        Assert.Equal("Иссык-Куль Агро", profile["name"]!.GetValue<string>());
        await Expect.StatusAsync(await again.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        await Expect.StatusAsync(await again.Client.GetAsync($"/api/v1/partners/{partnerId}"), 200);
        var me = await Expect.StatusAsync(await again.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Equal(smeId.ToString(), me["smeId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Restarting_applies_no_migration_twice_and_keeps_reference_data_single()
    {
        await api.RestartAsync();
        await api.RestartAsync();

        var regions = await Expect.StatusAsync(await api.CreateClient().GetAsync("/api/v1/reference/regions"), 200);
        Assert.Equal(9, regions["items"]!.AsArray().Count);
        var rates = await Expect.StatusAsync(await api.CreateClient().GetAsync("/api/v1/reference/fx-rates"), 200);
        Assert.Equal(3, rates["items"]!.AsArray().Count(r => r!["effectiveDate"]!.GetValue<string>() == "2026-01-01"));
    }

    [Fact]
    public async Task The_sqlite_database_runs_in_wal_mode_with_foreign_keys_enforced()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(api.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync(TestContext.Current.CancellationToken));

        var db = new ConnectionFactory(new DatabaseOptions(DatabaseProvider.Sqlite, SqliteConnections.Normalize(api.ConnectionString, AppContext.BaseDirectory), null));
        await using var open = await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var insert = open.CreateCommand();
        insert.CommandText = "INSERT INTO sme_sectors (sme_id, sector_code, position) VALUES (999999, 'C28', 0)";
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }
}
