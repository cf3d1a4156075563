using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Tests.Features.Matching;

/// <summary><c>GET /needs/{id}/near-misses</c>: checked against a recomputation on the engine's readable path, over every partner stored.</summary>
public abstract class NearMissTests<TApi>(TApi api) where TApi : ApiFixture
{
    private sealed record Cast(Actor Owner, Guid NeedId, Guid Matched, Guid SectorOnly, Guid BothMissing, Guid Weaker);

    /// <summary>
    /// The worked example's need, its partner (87.0, a match), the partner moved to agriculture (excluded by the sector
    /// alone, 57.0), moved there and offering only loans (excluded twice), and one that scores 37.0: close to the section,
    /// outside the ticket and the regions.
    /// </summary>
    private async Task<Cast> CastAsync()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        var needId = await Create.NeedAsync(owner, smeId);
        var (_, matched) = await Create.PartnerAccountAsync(api);
        var (_, sectorOnly) = await Create.PartnerAccountAsync(api, Bodies.WeifangSeeds());
        var both = Bodies.WeifangSeeds();
        both["offerings"] = Bodies.Array("loan");
        var (_, bothMissing) = await Create.PartnerAccountAsync(api, both);
        var weaker = Bodies.Partner(name: "Zibo Food Machinery", sectors: ["C10"]);
        weaker["ticket"] = new JsonObject { ["minUsd"] = 10_000_000, ["maxUsd"] = 20_000_000 };
        weaker["targetRegions"] = Bodies.Array("KG-Y");
        weaker["languages"] = Bodies.Array("en");
        var (_, weakerId) = await Create.PartnerAccountAsync(api, weaker);
        return new Cast(owner, needId, matched, sectorOnly, bothMissing, weakerId);
    }

    [Fact]
    public async Task Near_misses_are_exactly_the_partners_within_15_points_below_min_score_or_excluded_by_one_required_criterion()
    {
        var cast = await CastAsync();

        var items = await Paging.AllAsync(cast.Owner.Client, $"/api/v1/needs/{cast.NeedId}/near-misses", 100);
        var shown = items.Select(i => (
            Id: Guid.Parse(i["partnerId"]!.GetValue<string>()),
            Score: i["score"]!.GetValue<decimal>(),
            Missing: string.Join(",", i["missing"]!.AsArray().Select(m => m!.GetValue<string>())))).ToList();

        Assert.Equal(await RecomputeAsync(cast.NeedId), shown);
        Assert.Contains((cast.SectorOnly, 57.0m, "sector"), shown);
        Assert.Contains((cast.Weaker, 37.0m, ""), shown);
        Assert.DoesNotContain(shown, s => s.Id == cast.Matched || s.Id == cast.BothMissing);
    }

    [Fact]
    public async Task Each_near_miss_explains_itself_with_advice_that_names_what_would_lift_it()
    {
        var cast = await CastAsync();

        var items = await Paging.AllAsync(cast.Owner.Client, $"/api/v1/needs/{cast.NeedId}/near-misses", 100);
        var sectorOnly = items.Single(i => i["partnerId"]!.GetValue<string>() == cast.SectorOnly.ToString());
        var weaker = items.Single(i => i["partnerId"]!.GetValue<string>() == cast.Weaker.ToString());

        Assert.Equal("Weifang Seeds", sectorOnly["partnerName"]!.GetValue<string>());
        Assert.Equal(57.0m, sectorOnly["breakdown"]!.AsArray().Sum(b => b!["contribution"]!.GetValue<decimal>()));
        Assert.Equal("sector: the partner working in ISIC division C28 would add 30.0 points", Row(sectorOnly, "sector")["advice"]!.GetValue<string>());
        Assert.Equal(30.0, Row(sectorOnly, "sector")["advicePoints"]!.GetValue<double>());
        Assert.Equal("ticket: the partner accepting 500,000 USD would add 25.0 points", Row(weaker, "ticket")["advice"]!.GetValue<string>());
        Assert.Null(Row(weaker, "language")["advice"]);
    }

    [Fact]
    public async Task Near_misses_page_one_by_one_in_the_order_of_the_whole_list()
    {
        var cast = await CastAsync();
        var path = $"/api/v1/needs/{cast.NeedId}/near-misses";

        var whole = await Paging.AllAsync(cast.Owner.Client, path, 100);
        var paged = await Paging.AllAsync(cast.Owner.Client, path, 1);

        Assert.True(whole.Count >= 2, $"only {whole.Count} near misses to page through");
        Assert.Equal(whole.Select(i => i["partnerId"]!.GetValue<string>()), paged.Select(i => i["partnerId"]!.GetValue<string>()));
        var scores = whole.Select(i => i["score"]!.GetValue<decimal>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task Unknown_filters_and_a_cursor_handed_to_another_caller_are_refused()
    {
        var cast = await CastAsync();
        var path = $"/api/v1/needs/{cast.NeedId}/near-misses";
        var agency = await api.UserAsync("agency");
        var agencysPage = await Expect.StatusAsync(await agency.Client.GetAsync($"{path}?limit=1"), 200);
        var agencysCursor = agencysPage["nextCursor"]!.GetValue<string>();

        await Expect.ProblemAsync(await cast.Owner.Client.GetAsync($"{path}?minScore=50"), 400);
        await Expect.ProblemAsync(await cast.Owner.Client.GetAsync($"{path}?limit=0"), 400, "limit");
        await Expect.ProblemAsync(await cast.Owner.Client.GetAsync($"{path}?limit=1&cursor={Uri.EscapeDataString(agencysCursor)}"), 400, "cursor");
        await Expect.StatusAsync(await agency.Client.GetAsync($"{path}?limit=1&cursor={Uri.EscapeDataString(agencysCursor)}"), 200);
    }

    /// <summary>The definition, on the readable path: every stored partner explained against the need under the active version.</summary>
    private async Task<List<(Guid Id, decimal Score, string Missing)>> RecomputeAsync(Guid needPublicId)
    {
        await using var db = await api.OpenDatabaseAsync();
        var needId = await db.ExecuteScalarAsync<long>("SELECT id FROM needs WHERE public_id = @Id", new { Id = needPublicId });
        var publicIds = (await db.QueryAsync<(long Id, Guid PublicId)>("SELECT id, public_id FROM partners")).ToDictionary(p => p.Id, p => p.PublicId);
        var need = (await ScoringInputs.NeedsAsync(db, null, Vetting.Off, [needId], DateTime.UtcNow, default)).Single().Input;
        var profile = (await ProfileStore.FindAsync(db, null, await ProfileStore.ActiveVersionAsync(db, null, default), default))!.Profile;
        var scorer = new Scorer(profile);

        var expected = new List<(Guid Id, decimal Score, string Missing, long InternalId)>();
        foreach (var partner in await ScoringInputs.PartnersAsync(db, null, Vetting.Off, default))
        {
            var explained = scorer.Explain(need, partner);
            var score = (decimal)explained.Score;
            var zero = profile.Criteria
                .Where(c => c is { Enabled: true, Required: true } && Api.Features.Matching.Engine.Criteria.Evaluate(c.Key, need, partner).Score == 0)
                .Select(c => c.Key)
                .ToList();
            var nearMiss = explained.Excluded ? zero.Count == 1 : score < profile.MinScore && score >= profile.MinScore - 15;
            if (nearMiss)
                expected.Add((publicIds[partner.Id], score, string.Join(",", zero), partner.Id));
        }

        return expected.OrderByDescending(e => e.Score).ThenBy(e => e.InternalId).Select(e => (e.Id, e.Score, e.Missing)).ToList();
    }

    private static JsonNode Row(JsonNode item, string criterion) =>
        item["breakdown"]!.AsArray().Single(b => b!["criterion"]!.GetValue<string>() == criterion)!;
}

public sealed class NearMissTestsOnSqlite(SqliteApi api) : NearMissTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class NearMissTestsOnSqlServer : NearMissTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public NearMissTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
