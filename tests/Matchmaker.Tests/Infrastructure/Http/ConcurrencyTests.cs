using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Infrastructure.Http;

public abstract class ConcurrencyTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task Two_concurrent_puts_with_the_same_etag_let_exactly_one_through()
    {
        var sme = await api.UserAsync("sme");
        var smeId = await Create.SmeAsync(sme);
        var needId = await Create.NeedAsync(sme, smeId);
        var url = $"/api/v1/needs/{needId}";
        var etag = (await sme.Client.GetAsync(url)).ETag();
        var first = Bodies.Need(title: "First writer");
        var second = Bodies.Need(title: "Second writer");
        using var otherClient = api.CreateClient(sme.Token);

        var responses = await Task.WhenAll(sme.Client.PutAsync(url, first, etag), otherClient.PutAsync(url, second, etag));

        var statuses = responses.Select(r => (int)r.StatusCode).Order().ToArray();
        Assert.Equal([200, 412], statuses);
        var winner = responses.Single(r => (int)r.StatusCode == 200);
        var winnerTitle = (await Expect.StatusAsync(winner, 200))["title"]!.GetValue<string>();
        await Expect.ProblemAsync(responses.Single(r => (int)r.StatusCode == 412), 412);
        var stored = await Expect.StatusAsync(await sme.Client.GetAsync(url), 200);
        Assert.Equal(winnerTitle, stored["title"]!.GetValue<string>());
        Assert.Equal(winner.ETag(), (await sme.Client.GetAsync(url)).ETag());
    }

    [Fact]
    public async Task Many_concurrent_profile_updates_with_one_etag_apply_once()
    {
        var partner = await api.UserAsync("partner");
        var partnerId = await Create.PartnerAsync(partner);
        var url = $"/api/v1/partners/{partnerId}";
        var etag = (await partner.Client.GetAsync(url)).ETag();
        var body = await Expect.StatusAsync(await partner.Client.GetAsync(url), 200);
        var put = BodyEdits.AsProfileUpdate(body);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
        {
            var copy = JsonNode.Parse(put.ToJsonString())!.AsObject();
            copy["name"] = $"Writer {i}";
            return api.CreateClient(partner.Token).PutAsync(url, copy, etag);
        }));

        Assert.Equal(1, responses.Count(r => (int)r.StatusCode == 200));
        Assert.Equal(5, responses.Count(r => (int)r.StatusCode == 412));
        Assert.Equal("\"2\"", (await partner.Client.GetAsync(url)).ETag());
    }

    [Theory]
    [InlineData("\"1\", \"99\"")]
    [InlineData("\"99\",\"1\"")]
    [InlineData("W/\"7\", \"1\"")]
    [InlineData("*")]
    public async Task If_match_with_a_list_holding_the_current_tag_or_a_star_lets_the_update_through(string ifMatch)
    {
        var sme = await api.UserAsync("sme");
        var needId = await Create.NeedAsync(sme, await Create.SmeAsync(sme));

        var response = await sme.Client.PutAsync($"/api/v1/needs/{needId}", Bodies.Need(title: "Listed tag"), ifMatch);

        Assert.Equal("Listed tag", (await Expect.StatusAsync(response, 200))["title"]!.GetValue<string>());
        Assert.Equal("\"2\"", response.ETag());
    }

    [Theory]
    [InlineData("\"4\", \"99\"")]
    [InlineData("W/\"1\"")]
    [InlineData("\"1\" \"2\"")]
    public async Task If_match_without_the_current_strong_tag_is_412_and_changes_nothing(string ifMatch)
    {
        var sme = await api.UserAsync("sme");
        var needId = await Create.NeedAsync(sme, await Create.SmeAsync(sme));

        await Expect.ProblemAsync(await sme.Client.PutAsync($"/api/v1/needs/{needId}", Bodies.Need(title: "Not listed"), ifMatch), 412);

        Assert.NotEqual("Not listed", (await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/needs/{needId}"), 200))["title"]!.GetValue<string>());
    }
}

public sealed class ConcurrencyTestsOnSqlite(SqliteApi api) : ConcurrencyTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class ConcurrencyTestsOnSqlServer : ConcurrencyTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public ConcurrencyTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
