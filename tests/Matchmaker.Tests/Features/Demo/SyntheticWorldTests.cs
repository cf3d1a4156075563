using Dapper;
using Matchmaker.Api.Features.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Matchmaker.Tests.Features.Demo;

/// <summary>A synthetic world (Seed:Synthetic:*): its size, that it is the same every time, matched, and only ever loaded into an empty database.</summary>
public sealed class SyntheticWorldTests
{
    [Fact]
    public async Task The_world_has_the_asked_numbers_of_smes_needs_and_partners_and_accounts_only_at_the_synthetic_domain()
    {
        await using var api = await StartAsync(new SyntheticSqliteApi());
        Assert.Equal(SyntheticSqliteApi.Smes, await DemoSnapshot.CountAsync(api, "smes"));
        Assert.Equal(SyntheticSqliteApi.Needs, await DemoSnapshot.CountAsync(api, "needs"));
        Assert.Equal(SyntheticSqliteApi.Partners, await DemoSnapshot.CountAsync(api, "partners"));

        await using var db = await api.OpenDatabaseAsync();
        var emails = (await db.QueryAsync<string>("SELECT email FROM users WHERE email <> @AdminEmail", new { ApiFixture.AdminEmail })).ToList();
        Assert.Equal(SyntheticSqliteApi.Smes + SyntheticSqliteApi.Partners + 1, emails.Count);
        Assert.All(emails, e => Assert.EndsWith($"@{DemoWorld.SyntheticDomain}", e, StringComparison.Ordinal));
        var perSme = (await db.QueryAsync<long>("SELECT COUNT(*) FROM needs GROUP BY sme_id")).ToList();
        Assert.Equal(SyntheticSqliteApi.Smes, perSme.Count);
        Assert.All(perSme, n => Assert.Equal(SyntheticSqliteApi.Needs / SyntheticSqliteApi.Smes, n));
    }

    [Fact]
    public async Task The_world_is_matched_by_the_selection_rule_before_the_app_is_ready()
    {
        await using var api = await StartAsync(new SyntheticSqliteApi());
        await using var db = await api.OpenDatabaseAsync();
        var matched = await db.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT need_id) FROM matches");
        Assert.True(matched > SyntheticSqliteApi.Needs / 2, $"only {matched} of {SyntheticSqliteApi.Needs} needs have matches");
        await Invariants.AssertHoldAsync(api);
    }

    [Fact]
    public async Task Two_fresh_databases_with_the_same_settings_hold_the_same_business_data_and_another_seed_another_world()
    {
        await using var first = await StartAsync(new SyntheticSqliteApi());
        await using var second = await StartAsync(new SyntheticSqliteApi());
        await using var reseeded = await StartAsync(new ReseededSyntheticSqliteApi());
        foreach (var (name, sql) in DemoSnapshot.SyntheticQueries)
        {
            var expected = await DemoSnapshot.TakeAsync(first, sql);
            Assert.NotEmpty(expected);
            Assert.True(expected.SequenceEqual(await DemoSnapshot.TakeAsync(second, sql)), $"The {name} rows differ between two synthetic databases.");
            Assert.False(expected.SequenceEqual(await DemoSnapshot.TakeAsync(reseeded, sql)), $"The {name} rows are the same from another seed.");
        }
    }

    [Fact]
    public async Task A_database_that_already_holds_an_sme_gets_no_synthetic_world()
    {
        await using var api = await StartAsync(new SwitchableSyntheticSqliteApi());
        var owner = await api.UserAsync("sme");
        await Create.SmeAsync(owner);

        api.Enabled = true;
        await api.RestartAsync();
        Assert.Equal(1, await DemoSnapshot.CountAsync(api, "smes"));
        Assert.Equal(0, await DemoSnapshot.CountAsync(api, "partners"));
        Assert.Equal(0, await DemoSnapshot.CountAsync(api, "needs"));
    }

    [Theory]
    [InlineData("Seed:Synthetic:Smes", "-1", null, null, null)]
    [InlineData("Seed:Synthetic:Smes", "100001", null, null, null)]
    [InlineData("Seed:Synthetic:Smes", "lots", null, null, null)]
    [InlineData("Seed:Synthetic:Needs", "5", null, null, null)]
    [InlineData("Seed:Synthetic:Needs", "41", "Seed:Synthetic:Smes", "4", null)]
    [InlineData("Seed:Synthetic:Partners", "1000001", null, null, null)]
    [InlineData("Seed:Synthetic:RandomSeed", "1.5", "Seed:Synthetic:Smes", "1", null)]
    [InlineData("Seed:Demo", "true", "Seed:Synthetic:Partners", "1", "Development")]
    public void Settings_out_of_bounds_stop_start_up_naming_the_key(string key, string value, string? otherKey, string? otherValue, string? environment)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Matchmaker"] = $"Data Source={Path.Combine(Path.GetTempPath(), "matchmaker-tests", Guid.NewGuid().ToString("N"), "m.db")}",
            ["Auth:SigningKey"] = ApiFixture.SigningKey,
            [key] = value,
        };
        if (otherKey is not null)
            settings[otherKey] = otherValue;
        using var app = new TestApp(settings, environment ?? "Testing");

        var error = Assert.ThrowsAny<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    public void Asking_for_a_synthetic_world_turns_the_development_default_of_seed_demo_off(string? demo, bool enabled)
    {
        var settings = new Dictionary<string, string?> { ["Seed:Synthetic:Smes"] = "10" };
        if (demo is not null)
            settings["Seed:Demo"] = demo;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Assert.Equal(enabled, DemoSettings.IsEnabled(configuration, new DevelopmentEnvironment()));
    }

    private static async Task<T> StartAsync<T>(T api) where T : ApiFixture
    {
        await api.InitializeAsync();
        return api;
    }

    private sealed class DevelopmentEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "Matchmaker.Api";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
