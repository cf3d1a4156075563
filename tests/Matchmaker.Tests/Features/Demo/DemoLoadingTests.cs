using System.Text.Json.Nodes;
using Matchmaker.Api.Features.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Matchmaker.Tests.Features.Demo;

/// <summary>When the demo data set is loaded (Seed:Demo, an empty database) and that it is the same every time.</summary>
public sealed class DemoLoadingTests
{
    private static readonly string[] Tables = ["users", "smes", "needs", "partners", "matches", "match_events"];

    [Fact]
    public async Task Two_fresh_databases_get_identical_business_data_whatever_the_threads_scoring_them()
    {
        await using var first = await StartAsync(new DemoSqliteApiScoringOn(1));
        await using var second = await StartAsync(new DemoSqliteApiScoringOn(3));
        foreach (var (name, sql) in DemoSnapshot.Queries)
        {
            var expected = await DemoSnapshot.TakeAsync(first, sql);
            Assert.NotEmpty(expected);
            Assert.True(expected.SequenceEqual(await DemoSnapshot.TakeAsync(second, sql)), $"The {name} rows differ between two demo databases.");
        }
    }

    [Fact]
    public async Task A_restart_does_not_load_the_demo_data_again()
    {
        await using var api = await StartAsync(new DemoSqliteApi());
        var before = await CountsAsync(api);
        Assert.Equal(119, before["smes"]);

        await api.RestartAsync();
        Assert.Equal(before, await CountsAsync(api));
        await api.SignInAsync(DemoAccounts.Sme.Email, DemoAccounts.Sme.Password, "sme");
    }

    [Fact]
    public async Task A_database_that_already_holds_an_sme_gets_no_demo_data()
    {
        await using var api = await StartAsync(new SwitchableDemoSqliteApi());
        var owner = await api.UserAsync("sme");
        await Create.SmeAsync(owner);

        api.Demo = true;
        await api.RestartAsync();
        Assert.Equal(1, await DemoSnapshot.CountAsync(api, "smes"));
        Assert.Equal(0, await DemoSnapshot.CountAsync(api, "partners"));
        var response = await api.CreateClient().PostAsync("/api/v1/auth/token",
            new JsonObject { ["email"] = DemoAccounts.Sme.Email, ["password"] = DemoAccounts.Sme.Password }, null);
        await Expect.ProblemAsync(response, 401);
    }

    [Fact]
    public async Task With_seed_demo_off_nothing_is_loaded()
    {
        await using var api = await StartAsync(new SqliteApi());
        foreach (var table in Tables.Skip(1))
            Assert.Equal(0, await DemoSnapshot.CountAsync(api, table));
        Assert.Equal(1, await DemoSnapshot.CountAsync(api, "users"));
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Testing", null, false)]
    [InlineData("Development", "false", false)]
    [InlineData("Production", "true", true)]
    public void Seed_demo_defaults_to_on_only_in_development(string environment, string? setting, bool enabled)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : new Dictionary<string, string?> { ["Seed:Demo"] = setting })
            .Build();
        Assert.Equal(enabled, DemoSettings.IsEnabled(configuration, new FixedEnvironment(environment)));
    }

    [Fact]
    public async Task Every_demo_partner_profile_passes_the_apis_own_validation_when_saved_back()
    {
        await using var api = await StartAsync(new DemoSqliteApi());
        var admin = await api.AdminAsync();
        var partners = (await Expect.StatusAsync(await admin.Client.GetAsync("/api/v1/partners?limit=100"), 200))["items"]!.AsArray();
        Assert.Equal(60, partners.Count);
        foreach (var item in partners)
        {
            var url = $"/api/v1/partners/{item!["id"]}";
            var read = await admin.Client.GetAsync(url);
            var body = BodyEdits.AsProfileUpdate(await Expect.StatusAsync(read, 200));
            await Expect.StatusAsync(await admin.Client.PutAsync(url, body, read.ETag()), 200);
        }
    }

    private static async Task<T> StartAsync<T>(T api) where T : ApiFixture
    {
        await api.InitializeAsync();
        return api;
    }

    private static async Task<Dictionary<string, long>> CountsAsync(ApiFixture api)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables)
            counts[table] = await DemoSnapshot.CountAsync(api, table);
        return counts;
    }

    private sealed class FixedEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Matchmaker.Api";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
