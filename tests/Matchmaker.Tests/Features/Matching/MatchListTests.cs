using System.Text.Json.Nodes;
using static Matchmaker.Tests.Harness.JsonLists;

namespace Matchmaker.Tests.Features.Matching;

/// <summary>
/// Ranking, filters and paging of the two match lists. Other tests of the class add profiles to
/// the same database, so each test checks the relative order of the rows it made and the
/// invariants of the whole list.
/// </summary>
public abstract class MatchListTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    /// <summary>A need, then five partners scoring 72.0 to 87.0 against it (two of them tied at 87.0), created in this order.</summary>
    private sealed record RankedNeed(Actor Owner, Guid NeedId, Guid[] PartnersBestFirst, decimal[] Scores);

    /// <summary>A partner, then four needs: three at 87.0 (in creation order) and one at 77.0.</summary>
    private sealed record RankedPartner(Actor Partner, Guid PartnerId, Guid[] NeedsBestFirst, string[] Regions, string[][] Sectors);

    private Task<DealCast> SharedCastAsync() => Api.SharedAsync(DealCast.CreateAsync);

    private Task<RankedNeed> RankedNeedAsync() => Api.SharedAsync(async fixture =>
    {
        var (owner, smeId) = await Create.SmeAccountAsync(fixture);
        var needId = await Create.NeedAsync(owner, smeId);

        async Task<Guid> PartnerAsync(Action<JsonObject> change)
        {
            var body = Bodies.Partner();
            change(body);
            return (await Create.PartnerAccountAsync(fixture, body)).PartnerId;
        }

        var p72 = await PartnerAsync(b => b["sectors"] = Bodies.Array("C29"));
        var p87a = await PartnerAsync(_ => { });
        var p84 = await PartnerAsync(b => b["targetRegions"] = Bodies.Array());
        var p87b = await PartnerAsync(_ => { });
        var p77 = await PartnerAsync(b => b["targetRegions"] = Bodies.Array("KG-Y"));
        return new RankedNeed(owner, needId, [p87a, p87b, p84, p77, p72], [87.0m, 87.0m, 84.0m, 77.0m, 72.0m]);
    });

    private Task<RankedPartner> RankedPartnerAsync() => Api.SharedAsync(async fixture =>
    {
        var (partner, partnerId) = await Create.PartnerAccountAsync(fixture);

        async Task<Guid> NeedAsync(string region, string[] smeSectors, string[]? needSectors = null)
        {
            var (sme, smeId) = await Create.SmeAccountAsync(fixture, Bodies.Sme(region: region, sectors: smeSectors));
            var body = Bodies.Need(title: $"Ranked {Guid.NewGuid():N}");
            if (needSectors is not null)
                body["sectors"] = Bodies.Array(needSectors);
            return await Create.NeedAsync(sme, smeId, body);
        }

        var chuy = await NeedAsync("KG-C", ["C28"]);
        var issykKul = await NeedAsync("KG-Y", ["C28"]);
        var ownSectors = await NeedAsync("KG-C", ["C25"], ["C29"]);
        var naryn = await NeedAsync("KG-N", ["C28"]);
        return new RankedPartner(partner, partnerId, [chuy, issykKul, ownSectors, naryn],
            ["KG-C", "KG-Y", "KG-C", "KG-N"], [["C28"], ["C28"], ["C29"], ["C28"]]);
    });

    [Fact]
    public async Task A_needs_matches_are_ranked_by_score_then_by_match_id()
    {
        var ranked = await RankedNeedAsync();

        var items = await Paging.AllAsync(ranked.Owner.Client, $"/api/v1/needs/{ranked.NeedId}/matches", 100);

        AssertScoreDescending(items);
        var ours = items.Where(i => ranked.PartnersBestFirst.Contains(PartnerOf(i))).ToList();
        Assert.Equal(ranked.PartnersBestFirst, ours.Select(PartnerOf));
        Assert.Equal(ranked.Scores, ours.Select(i => i["score"]!.GetValue<decimal>()));
        Assert.All(ours, i => Assert.Equal(ranked.NeedId.ToString(), i["needId"]!.GetValue<string>()));
        Assert.All(items, i => Assert.False(i.ContainsKey("events"), "lists do not carry the deal history"));
    }

    [Theory]
    [InlineData(87.0, 2)]
    [InlineData(84, 3)]
    [InlineData(80.5, 3)]
    [InlineData(72, 5)]
    [InlineData(87.1, 0)]
    [InlineData(0, 5)]
    [InlineData(100, 0)]
    public async Task Min_score_leaves_out_weaker_matches_of_a_need(decimal minScore, int oursLeft)
    {
        var ranked = await RankedNeedAsync();

        var items = await Paging.AllAsync(ranked.Owner.Client, $"/api/v1/needs/{ranked.NeedId}/matches?minScore={minScore}", 100);

        Assert.All(items, i => Assert.True(i["score"]!.GetValue<decimal>() >= minScore));
        Assert.Equal(ranked.PartnersBestFirst.Take(oursLeft), items.Select(PartnerOf).Where(ranked.PartnersBestFirst.Contains));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Paging_through_a_needs_matches_returns_each_match_once_in_order(int limit)
    {
        var ranked = await RankedNeedAsync();
        var whole = await Expect.StatusAsync(await ranked.Owner.Client.GetAsync($"/api/v1/needs/{ranked.NeedId}/matches?limit=100"), 200);

        var paged = await Paging.AllAsync(ranked.Owner.Client, $"/api/v1/needs/{ranked.NeedId}/matches", limit);

        Assert.Null(whole["nextCursor"]);
        Assert.Equal(whole["items"]!.AsArray().Select(i => IdOf(i!)), paged.Select(IdOf));
        Assert.Equal(paged.Count, paged.Select(IdOf).Distinct().Count());
        Assert.True(paged.Count >= ranked.PartnersBestFirst.Length);
    }

    [Fact]
    public async Task The_first_page_of_a_need_has_the_default_size_and_a_cursor_when_more_follow()
    {
        var ranked = await RankedNeedAsync();

        var page = await Expect.StatusAsync(await ranked.Owner.Client.GetAsync($"/api/v1/needs/{ranked.NeedId}/matches?limit=2"), 200);

        Assert.Equal(2, page["items"]!.AsArray().Count);
        Assert.False(string.IsNullOrEmpty(page["nextCursor"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_partners_matches_are_ranked_by_score_then_by_match_id()
    {
        var ranked = await RankedPartnerAsync();

        var items = await Paging.AllAsync(ranked.Partner.Client, $"/api/v1/partners/{ranked.PartnerId}/matches", 100);

        AssertScoreDescending(items);
        var ours = items.Where(i => ranked.NeedsBestFirst.Contains(NeedOf(i))).ToList();
        Assert.Equal(ranked.NeedsBestFirst, ours.Select(NeedOf));
        Assert.Equal([87.0m, 87.0m, 87.0m, 77.0m], ours.Select(i => i["score"]!.GetValue<decimal>()));
        Assert.All(items, i => Assert.Equal(ranked.PartnerId.ToString(), i["partnerId"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("sector=C28", new[] { 0, 1, 3 })]
    [InlineData("sector=C29", new[] { 2 })]
    [InlineData("sector=C25", new int[0])]
    [InlineData("sector=C", new[] { 0, 1, 2, 3 })]
    [InlineData("sector=A", new int[0])]
    [InlineData("region=KG-Y", new[] { 1 })]
    [InlineData("region=KG-C", new[] { 0, 2 })]
    [InlineData("region=KG-C&sector=C28", new[] { 0 })]
    [InlineData("minScore=80", new[] { 0, 1, 2 })]
    [InlineData("minScore=80&region=KG-N", new int[0])]
    public async Task A_partners_matches_filter_by_the_needs_sectors_the_smes_region_and_score(string query, int[] expected)
    {
        var ranked = await RankedPartnerAsync();

        var items = await Paging.AllAsync(ranked.Partner.Client, $"/api/v1/partners/{ranked.PartnerId}/matches?{query}", 100);

        Assert.Equal(expected.Select(i => ranked.NeedsBestFirst[i]), items.Select(NeedOf).Where(ranked.NeedsBestFirst.Contains));
        AssertScoreDescending(items);
        foreach (var part in query.Split('&').Select(p => p.Split('=')))
        {
            if (part[0] == "region")
                Assert.All(items, i => Assert.Equal(part[1], i["need"]!["region"]!.GetValue<string>()));
            if (part[0] == "minScore")
                Assert.All(items, i => Assert.True(i["score"]!.GetValue<decimal>() >= decimal.Parse(part[1], System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Paging_through_a_partners_matches_returns_each_match_once_in_order(int limit)
    {
        var ranked = await RankedPartnerAsync();
        var whole = await Paging.AllAsync(ranked.Partner.Client, $"/api/v1/partners/{ranked.PartnerId}/matches", 100);

        var paged = await Paging.AllAsync(ranked.Partner.Client, $"/api/v1/partners/{ranked.PartnerId}/matches", limit);

        Assert.Equal(whole.Select(IdOf), paged.Select(IdOf));
        Assert.Equal(paged.Count, paged.Select(IdOf).Distinct().Count());
    }

    [Fact]
    public async Task A_closed_needs_untouched_suggestions_leave_the_partners_list_but_deals_in_progress_stay()
    {
        var cast = await DealCast.CreateAsync(Api);
        var actedOn = await cast.FreshMatchAsync("sme_interested");
        var actedOnNeed = (await cast.ReadAsync(actedOn))["needId"]!.GetValue<string>();
        var partnerList = $"/api/v1/partners/{cast.PartnerId}/matches";
        Assert.Contains(await Paging.AllAsync(cast.Partner.Client, partnerList, 100), i => IdOf(i) == cast.MatchId.ToString());

        await Expect.StatusAsync(await cast.Owner.Client.PostAsync($"/api/v1/needs/{cast.NeedId}/close", new JsonObject(), null), 200);
        await Expect.StatusAsync(await cast.Owner.Client.PostAsync($"/api/v1/needs/{actedOnNeed}/close", new JsonObject(), null), 200);

        var items = await Paging.AllAsync(cast.Partner.Client, partnerList, 100);
        Assert.DoesNotContain(items, i => IdOf(i) == cast.MatchId.ToString());
        var kept = Assert.Single(items, i => IdOf(i) == actedOn.ToString());
        Assert.Equal("sme_interested", kept["status"]!.GetValue<string>());
        Assert.Equal("closed", kept["need"]!["status"]!.GetValue<string>());
        Assert.Equal("mutual", (await Matches.ActAsync(cast.Partner.Client, actedOn, "interest"))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("needs", "minScore=-1", "minScore")]
    [InlineData("needs", "minScore=100.1", "minScore")]
    [InlineData("needs", "limit=0", "limit")]
    [InlineData("needs", "limit=101", "limit")]
    [InlineData("needs", "cursor=not-a-cursor", "cursor")]
    [InlineData("needs", "cursor=AAAAAAAAAAE", "cursor")]
    [InlineData("partners", "minScore=101", "minScore")]
    [InlineData("partners", "limit=101", "limit")]
    [InlineData("partners", "cursor=%21%21", "cursor")]
    [InlineData("partners", "sector=Z99", "sector")]
    [InlineData("partners", "sector=c28", "sector")]
    [InlineData("partners", "region=KG-X", "region")]
    public async Task Invalid_list_queries_are_400_with_the_field_named(string list, string query, string field)
    {
        var cast = await SharedCastAsync();
        var path = list == "needs" ? $"/api/v1/needs/{cast.NeedId}/matches" : $"/api/v1/partners/{cast.PartnerId}/matches";

        var response = await cast.Admin.Client.GetAsync($"{path}?{query}");

        await Expect.ProblemAsync(response, 400, field);
    }

    [Fact]
    public async Task A_cursor_from_a_list_of_needs_is_no_match_cursor()
    {
        var cast = await SharedCastAsync();
        await Create.NeedAsync(cast.Owner, cast.SmeId);
        var needs = await Expect.StatusAsync(await cast.Admin.Client.GetAsync("/api/v1/needs?limit=1"), 200);
        var cursor = needs["nextCursor"]?.GetValue<string>();
        Assert.NotNull(cursor);

        var response = await cast.Admin.Client.GetAsync($"/api/v1/needs/{cast.NeedId}/matches?cursor={cursor}");

        await Expect.ProblemAsync(response, 400, "cursor");
    }

    private static Guid PartnerOf(JsonObject item) => Guid.Parse(item["partnerId"]!.GetValue<string>());

    private static Guid NeedOf(JsonObject item) => Guid.Parse(item["needId"]!.GetValue<string>());

    private static void AssertScoreDescending(IReadOnlyList<JsonObject> items)
    {
        var scores = items.Select(i => i["score"]!.GetValue<decimal>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }
}

public sealed class MatchListTestsOnSqlite(SqliteApi api) : MatchListTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class MatchListTestsOnSqlServer : MatchListTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public MatchListTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
