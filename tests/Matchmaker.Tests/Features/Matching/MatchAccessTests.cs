using System.Text.Json.Nodes;
using static Matchmaker.Tests.Harness.JsonLists;

namespace Matchmaker.Tests.Features.Matching;

public abstract class MatchAccessTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    /// <summary>One cast for the class; tests that change a match act on a fresh need of the same SME.</summary>
    private Task<DealCast> SharedCastAsync() => Api.SharedAsync(DealCast.CreateAsync);

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("owner", 200)]
    [InlineData("other-sme", 404)]
    [InlineData("partner", 403)]
    [InlineData("other-partner", 403)]
    [InlineData("agency", 200)]
    [InlineData("admin", 200)]
    public async Task Who_may_list_the_matches_of_a_need(string caller, int status)
    {
        var cast = await SharedCastAsync();

        var response = await cast.ClientOf(caller).GetAsync($"/api/v1/needs/{cast.NeedId}/matches?limit=100");

        var body = await Expect.StatusOrProblemAsync(response, status);
        if (status == 200)
            Assert.Contains(body["items"]!.AsArray(), i => IdOf(i!) == cast.MatchId.ToString());
    }

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("partner", 200)]
    [InlineData("other-partner", 404)]
    [InlineData("owner", 403)]
    [InlineData("other-sme", 403)]
    [InlineData("agency", 200)]
    [InlineData("admin", 200)]
    public async Task Who_may_list_the_matches_of_a_partner(string caller, int status)
    {
        var cast = await SharedCastAsync();

        var response = await cast.ClientOf(caller).GetAsync($"/api/v1/partners/{cast.PartnerId}/matches?limit=100");

        var body = await Expect.StatusOrProblemAsync(response, status);
        if (status == 200)
            Assert.Contains(body["items"]!.AsArray(), i => IdOf(i!) == cast.MatchId.ToString());
    }

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("owner", 200)]
    [InlineData("partner", 200)]
    [InlineData("other-sme", 404)]
    [InlineData("other-partner", 404)]
    [InlineData("agency", 200)]
    [InlineData("admin", 200)]
    public async Task Who_may_read_a_match(string caller, int status)
    {
        var cast = await SharedCastAsync();

        var response = await cast.ClientOf(caller).GetAsync($"/api/v1/matches/{cast.MatchId}");

        var body = await Expect.StatusOrProblemAsync(response, status);
        if (status == 200)
        {
            Assert.Equal(cast.MatchId.ToString(), IdOf(body));
            Assert.Equal(cast.NeedId.ToString(), body["needId"]!.GetValue<string>());
            Assert.Equal(cast.PartnerId.ToString(), body["partnerId"]!.GetValue<string>());
            Assert.NotNull(body["events"]);
            Assert.NotNull(response.Headers.ETag);
        }
    }

    [Theory]
    [InlineData("anonymous", 401, "suggested")]
    [InlineData("owner", 200, "sme_interested")]
    [InlineData("partner", 200, "partner_interested")]
    [InlineData("other-sme", 404, "suggested")]
    [InlineData("other-partner", 404, "suggested")]
    [InlineData("agency", 403, "suggested")]
    [InlineData("admin", 403, "suggested")]
    public async Task Who_may_show_interest_in_a_match(string caller, int status, string after)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync();

        var response = await Matches.PostActionAsync(cast.ClientOf(caller), matchId, "interest");

        await Expect.StatusOrProblemAsync(response, status);
        Assert.Equal(after, (await cast.ReadAsync(matchId))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("anonymous", 401, "suggested")]
    [InlineData("owner", 200, "declined")]
    [InlineData("partner", 200, "declined")]
    [InlineData("other-sme", 404, "suggested")]
    [InlineData("other-partner", 404, "suggested")]
    [InlineData("agency", 403, "suggested")]
    [InlineData("admin", 403, "suggested")]
    public async Task Who_may_decline_a_match(string caller, int status, string after)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync();

        var response = await Matches.PostActionAsync(cast.ClientOf(caller), matchId, "decline", new JsonObject { ["reason"] = "Out of scope" });

        await Expect.StatusOrProblemAsync(response, status);
        Assert.Equal(after, (await cast.ReadAsync(matchId))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("anonymous", 401, "mutual")]
    [InlineData("owner", 200, "meeting")]
    [InlineData("partner", 200, "meeting")]
    [InlineData("other-sme", 404, "mutual")]
    [InlineData("other-partner", 404, "mutual")]
    [InlineData("agency", 403, "mutual")]
    [InlineData("admin", 403, "mutual")]
    public async Task Who_may_move_a_match_to_a_stage(string caller, int status, string after)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync("mutual");

        var response = await Matches.PostActionAsync(cast.ClientOf(caller), matchId, "stage", new JsonObject { ["stage"] = "meeting" });

        await Expect.StatusOrProblemAsync(response, status);
        Assert.Equal(after, (await cast.ReadAsync(matchId))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("agency")]
    [InlineData("admin")]
    public async Task Agency_and_admin_are_told_they_read_but_do_not_act(string caller)
    {
        var cast = await SharedCastAsync();

        var problem = await Expect.ProblemAsync(await Matches.PostActionAsync(cast.ClientOf(caller), cast.MatchId, "interest"), 403);

        Assert.Contains("do not act", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("other-sme")]
    [InlineData("partner")]
    [InlineData("other-partner")]
    [InlineData("agency")]
    [InlineData("admin")]
    public async Task A_match_that_does_not_exist_is_404_for_every_route(string caller)
    {
        var cast = await SharedCastAsync();
        var client = cast.ClientOf(caller);
        var missing = Guid.NewGuid();

        await Expect.ProblemAsync(await client.GetAsync($"/api/v1/matches/{missing}"), 404);
        await Expect.ProblemAsync(await Matches.PostActionAsync(client, missing, "interest"), 404);
        await Expect.ProblemAsync(await Matches.PostActionAsync(client, missing, "decline", new JsonObject()), 404);
        await Expect.ProblemAsync(await Matches.PostActionAsync(client, missing, "stage", new JsonObject { ["stage"] = "meeting" }), 404);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("partner")]
    [InlineData("agency")]
    [InlineData("admin")]
    public async Task Listing_the_matches_of_a_need_or_partner_that_does_not_exist_is_404(string caller)
    {
        var cast = await SharedCastAsync();
        var client = cast.ClientOf(caller);

        await Expect.ProblemAsync(await client.GetAsync($"/api/v1/needs/{Guid.NewGuid()}/matches"), 404);
        await Expect.ProblemAsync(await client.GetAsync($"/api/v1/partners/{Guid.NewGuid()}/matches"), 404);
    }

    [Theory]
    [InlineData("/api/v1/matches/{0}")]
    [InlineData("/api/v1/needs/{0}/matches")]
    [InlineData("/api/v1/partners/{0}/matches")]
    public async Task Anonymous_reads_are_401_even_for_ids_that_do_not_exist(string route)
    {
        var cast = await SharedCastAsync();

        await Expect.ProblemAsync(await cast.Anonymous.GetAsync(string.Format(route, Guid.NewGuid())), 401);
    }
}

public sealed class MatchAccessTestsOnSqlite(SqliteApi api) : MatchAccessTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class MatchAccessTestsOnSqlServer : MatchAccessTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public MatchAccessTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
