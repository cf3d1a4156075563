using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Matching;

/// <summary>A match's breakdown advises its rows below 1 in the reader's notification language, and the advice is worth its points.</summary>
public abstract class AdviceTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task Taking_the_certification_advice_raises_the_match_score_by_the_advised_points()
    {
        var smeBody = Bodies.Sme();
        var (owner, smeId) = await Create.SmeAccountAsync(api, smeBody);
        var needId = await Create.NeedAsync(owner, smeId);
        var (_, partnerId) = await Create.PartnerAccountAsync(api);
        var matchId = await Matches.IdAsync(owner.Client, needId, partnerId);
        var before = await ReadAsync(owner.Client, matchId);
        var advice = Row(before, "certification");

        Assert.Equal(87.0m, before["score"]!.GetValue<decimal>());
        Assert.Equal("certification: the SME holding ISO 9001 would add 2.0 points", advice["advice"]!.GetValue<string>());
        smeBody["certifications"] = Bodies.Array("ISO 9001");
        var read = await owner.Client.GetAsync($"/api/v1/smes/{smeId}");
        await Expect.StatusAsync(await owner.Client.PutAsync($"/api/v1/smes/{smeId}", smeBody, read.ETag()), 200);
        var after = await ReadAsync(owner.Client, matchId);

        Assert.Equal(before["score"]!.GetValue<decimal>() + advice["advicePoints"]!.GetValue<decimal>(), after["score"]!.GetValue<decimal>());
        Assert.Null(Row(after, "certification")["advice"]);
        Assert.Null(Row(after, "certification")["advicePoints"]);
    }

    [Fact]
    public async Task Advice_is_written_in_each_readers_notification_language_whatever_the_request_asks()
    {
        var world = await World.CreateAsync(api);
        var matchId = await Matches.IdAsync(world.Owner.Client, world.NeedId, world.PartnerId);
        await Expect.StatusAsync(await world.Owner.Client.PutAsJsonAsync("/api/v1/me/notifications",
            new JsonObject { ["email"] = "off", ["language"] = "ru", ["minScore"] = 70 }), 200);
        await Expect.StatusAsync(await world.Partner.Client.PutAsJsonAsync("/api/v1/me/notifications",
            new JsonObject { ["email"] = "off", ["language"] = "zh", ["minScore"] = 70 }), 200);

        var asked = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/matches/{matchId}");
        asked.Headers.TryAddWithoutValidation("Accept-Language", "en");
        var owners = await Expect.StatusAsync(await world.Owner.Client.SendAsync(asked), 200);
        var partners = await ReadAsync(world.Partner.Client, matchId);
        var agencys = await ReadAsync(world.Agency.Client, matchId);
        var listed = (await Expect.StatusAsync(await world.Owner.Client.GetAsync($"/api/v1/needs/{world.NeedId}/matches?limit=100"), 200))["items"]!
            .AsArray().Single(m => m!["id"]!.GetValue<string>() == matchId.ToString())!;

        Assert.Equal("certification: если МСП получит сертификат ISO 9001, оценка вырастет на 2.0 балла", Advice(owners, "certification"));
        Assert.Equal("need_type: 若合作方提供 joint_venture，得分将增加 10.0 分", Advice(partners, "need_type"));
        Assert.Equal("jobs: the SME planning 100 jobs for the need would add 1.0 points", Advice(agencys, "jobs"));
        Assert.Equal(Advice(owners, "need_type"), Advice(listed, "need_type"));
        Assert.All(owners["breakdown"]!.AsArray(), row =>
        {
            var below1 = row!["score"]!.GetValue<double>() < 1;
            Assert.Equal(below1, row["advice"] is not null);
            Assert.Equal(below1, row["advicePoints"] is not null);
        });
    }

    private static async Task<JsonObject> ReadAsync(HttpClient client, Guid matchId) =>
        (await Expect.StatusAsync(await client.GetAsync($"/api/v1/matches/{matchId}"), 200)).AsObject();

    private static JsonNode Row(JsonNode match, string criterion) =>
        match["breakdown"]!.AsArray().Single(b => b!["criterion"]!.GetValue<string>() == criterion)!;

    private static string Advice(JsonNode match, string criterion) => Row(match, criterion)["advice"]!.GetValue<string>();
}

public sealed class AdviceTestsOnSqlite(SqliteApi api) : AdviceTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class AdviceTestsOnSqlServer : AdviceTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public AdviceTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
