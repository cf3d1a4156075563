using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Tests.Features.Matching;

/// <summary>
/// Breakdowns are explained when an answer is built, not stored: what lists and reads show is the
/// engine's explanation of the current need and partner under the version that scored the pair, and
/// its contributions add up to the stored score shown beside it.
/// </summary>
public abstract class BreakdownOnReadTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task A_partners_new_ticket_shows_in_the_next_read_of_the_breakdown_with_the_new_score()
    {
        var world = await World.CreateAsync(api);
        var matchId = await Matches.IdAsync(world.Owner.Client, world.NeedId, world.PartnerId);
        var before = await ReadAsync(world.Owner.Client, matchId);
        var read = await world.Partner.Client.GetAsync($"/api/v1/partners/{world.PartnerId}");
        var body = Bodies.Partner();
        body["ticket"] = new JsonObject { ["minUsd"] = 1_000_000, ["maxUsd"] = 3_000_000 };

        await Expect.StatusAsync(await world.Partner.Client.PutAsync($"/api/v1/partners/{world.PartnerId}", body, read.ETag()), 200);
        var after = await ReadAsync(world.Owner.Client, matchId);

        Assert.Contains("100,000", Reason(before, "ticket"));
        Assert.Contains("1,000,000", Reason(after, "ticket"));
        Assert.True(Score(after) < Score(before), $"the score stayed at {Score(before)} with the need's amount below the new ticket");
        Assert.Equal(Score(after), Contributions(after));
    }

    [Fact]
    public async Task Every_breakdown_in_the_lists_is_the_engines_explanation_of_its_own_pair_and_adds_up_to_its_score()
    {
        var world = await World.CreateAsync(api);
        for (var i = 0; i < 3; i++)
            await Create.NeedAsync(world.Owner, world.SmeId, Bodies.Need(title: $"Line {i}"));
        var admin = await api.AdminAsync();
        await using var db = await api.OpenDatabaseAsync();
        var needIds = (await db.QueryAsync<(long Id, Guid PublicId)>("SELECT id, public_id FROM needs WHERE status = 'open'")).ToList();
        var partnerIds = (await db.QueryAsync<(long Id, Guid PublicId)>("SELECT id, public_id FROM partners")).ToDictionary(p => p.PublicId, p => p.Id);
        var needs = (await ScoringInputs.NeedsAsync(db, null, Vetting.Off, needIds.Select(n => n.Id).ToList(), DateTime.UtcNow, default)).ToDictionary(n => n.Input.Id, n => n.Input);
        var partners = (await ScoringInputs.PartnersAsync(db, null, Vetting.Off, default)).ToDictionary(p => p.Id);
        var scorer = new Scorer((await ProfileStore.FindAsync(db, null, await ProfileStore.ActiveVersionAsync(db, null, default), default))!.Profile);

        var compared = 0;
        foreach (var (needId, needPublicId) in needIds)
        {
            var page = await Expect.StatusAsync(await admin.Client.GetAsync($"/api/v1/needs/{needPublicId}/matches?limit=100"), 200);
            foreach (var item in page["items"]!.AsArray().Select(i => i!.AsObject()))
            {
                var expected = scorer.Explain(needs[needId], partners[partnerIds[Guid.Parse(item["partner"]!["id"]!.GetValue<string>())]]);
                var shown = item["breakdown"]!.AsArray().Select(b => (
                    b!["criterion"]!.GetValue<string>(), b["score"]!.GetValue<double>(), b["contribution"]!.GetValue<double>(), b["reason"]!.GetValue<string>()));
                Assert.Equal(expected.Breakdown.Select(b => (b.Criterion, b.Score, b.Contribution, b.Reason)), shown);
                Assert.Equal(Score(item), Contributions(item));
                compared++;
            }
        }

        Assert.True(compared >= 4, $"only {compared} listed matches to compare");
    }

    private static async Task<JsonObject> ReadAsync(HttpClient client, Guid matchId) =>
        (await Expect.StatusAsync(await client.GetAsync($"/api/v1/matches/{matchId}"), 200)).AsObject();

    private static decimal Score(JsonNode match) => match["score"]!.GetValue<decimal>();

    private static decimal Contributions(JsonNode match) => match["breakdown"]!.AsArray().Sum(b => b!["contribution"]!.GetValue<decimal>());

    private static string Reason(JsonNode match, string criterion) =>
        match["breakdown"]!.AsArray().Single(b => b!["criterion"]!.GetValue<string>() == criterion)!["reason"]!.GetValue<string>();
}

public sealed class BreakdownOnReadTestsOnSqlite(SqliteApi api) : BreakdownOnReadTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class BreakdownOnReadTestsOnSqlServer : BreakdownOnReadTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public BreakdownOnReadTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
