using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Webhooks;

/// <summary>With <c>Webhooks:AllowPrivateNetworks</c> set, as Development has it: plain http and private addresses are accepted.</summary>
public abstract class PrivateNetworkWebhookTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Theory]
    [InlineData("http://127.0.0.1:9000/hook")]
    [InlineData("http://localhost:9000/hook")]
    [InlineData("https://192.168.1.20/hook")]
    [InlineData("http://[::1]/hook")]
    public async Task Private_and_plain_http_urls_are_accepted_when_the_server_allows_them(string url)
    {
        var caller = await api.UserAsync("sme");
        var body = new JsonObject { ["url"] = url, ["events"] = new JsonArray("match.mutual") };

        var created = await Expect.StatusAsync(await caller.Client.PostAsJsonAsync("/api/v1/webhooks", body), 201);

        Assert.Equal(url, created["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Other_schemes_are_still_refused()
    {
        var caller = await api.UserAsync("sme");
        var body = new JsonObject { ["url"] = "ftp://127.0.0.1/hook", ["events"] = new JsonArray("match.mutual") };

        await Expect.ProblemAsync(await caller.Client.PostAsJsonAsync("/api/v1/webhooks", body), 400, "url");
    }
}

public sealed class PrivateNetworkSqliteApi : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Webhooks:AllowPrivateNetworks"] = "true" };
}

public sealed class PrivateNetworkSqlServerApi : SqlServerApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Webhooks:AllowPrivateNetworks"] = "true" };
}

public sealed class PrivateNetworkWebhookTestsOnSqlite(PrivateNetworkSqliteApi api) : PrivateNetworkWebhookTests<PrivateNetworkSqliteApi>(api), IClassFixture<PrivateNetworkSqliteApi>;

public sealed class PrivateNetworkWebhookTestsOnSqlServer : PrivateNetworkWebhookTests<PrivateNetworkSqlServerApi>, IClassFixture<PrivateNetworkSqlServerApi>
{
    public PrivateNetworkWebhookTestsOnSqlServer(PrivateNetworkSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
