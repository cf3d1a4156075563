using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Matching;

public abstract class MatchDealTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    /// <summary>One cast for the class; every test acts on a fresh need of the same SME, so on a fresh match between the same parties.</summary>
    private Task<DealCast> SharedCastAsync() => Api.SharedAsync(DealCast.CreateAsync);

    [Fact]
    public async Task A_match_carries_its_score_breakdown_and_summaries()
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync();

        var match = await cast.ReadAsync(matchId, cast.Owner.Client);

        Assert.Equal(87.0m, match["score"]!.GetValue<decimal>());
        Assert.True(match["criteriaVersion"]!.GetValue<int>() >= 1);
        Assert.Equal("suggested", match["status"]!.GetValue<string>());
        var breakdown = match["breakdown"]!.AsArray();
        Assert.Equal(["sector", "ticket", "need_type", "region", "export", "jobs", "language", "certification"],
            breakdown.Select(b => b!["criterion"]!.GetValue<string>()));
        Assert.All(breakdown, b => Assert.False(string.IsNullOrWhiteSpace(b!["reason"]!.GetValue<string>())));
        Assert.Equal(87.0m, breakdown.Sum(b => b!["contribution"]!.GetValue<decimal>()));
        Assert.Equal(0.5, breakdown.Single(b => b!["criterion"]!.GetValue<string>() == "need_type")!["score"]!.GetValue<double>());
        Assert.Equal(20, breakdown.Single(b => b!["criterion"]!.GetValue<string>() == "need_type")!["weight"]!.GetValue<double>());
        foreach (var field in new[] { "smeInterestedAt", "partnerInterestedAt", "mutualAt" })
            Assert.Null(match[field]);
        Assert.NotNull(match["createdAt"]);
        Assert.NotNull(match["updatedAt"]);
        Assert.Equal(cast.SmeId.ToString(), match["need"]!["smeId"]!.GetValue<string>());
        Assert.Equal("Ala-Too Machine Works", match["need"]!["smeName"]!.GetValue<string>());
        Assert.Equal("KG-C", match["need"]!["region"]!.GetValue<string>());
        Assert.Equal(500_000m, match["need"]!["amountUsd"]!.GetValue<decimal>());
        Assert.StartsWith("Deal ", match["need"]!["title"]!.GetValue<string>());
        Assert.Equal(cast.PartnerId.ToString(), match["partner"]!["id"]!.GetValue<string>());
        Assert.Equal("Qingdao Machinery", match["partner"]!["name"]!.GetValue<string>());
        Assert.Equal("青岛机械", match["partner"]!["nameZh"]!.GetValue<string>());
        Assert.Equal("qingdao", match["partner"]!["city"]!.GetValue<string>());
        Assert.Empty(match["events"]!.AsArray());
    }

    [Theory]
    [InlineData("owner", "partner", "sme_interested")]
    [InlineData("partner", "owner", "partner_interested")]
    public async Task Interest_from_both_sides_makes_a_match_mutual(string first, string second, string between)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync();

        var halfway = await Matches.ActAsync(cast.ClientOf(first), matchId, "interest");
        var mutual = await Matches.ActAsync(cast.ClientOf(second), matchId, "interest");

        Assert.Equal(between, halfway["status"]!.GetValue<string>());
        Assert.Null(halfway["mutualAt"]);
        Assert.Equal(first == "owner", halfway["smeInterestedAt"] is not null);
        Assert.Equal(first == "partner", halfway["partnerInterestedAt"] is not null);
        Assert.Equal("mutual", mutual["status"]!.GetValue<string>());
        Assert.NotNull(mutual["smeInterestedAt"]);
        Assert.NotNull(mutual["partnerInterestedAt"]);
        Assert.NotNull(mutual["mutualAt"]);
        Assert.Equal(halfway[first == "owner" ? "smeInterestedAt" : "partnerInterestedAt"]!.GetValue<DateTime>(),
            mutual[first == "owner" ? "smeInterestedAt" : "partnerInterestedAt"]!.GetValue<DateTime>());
    }

    [Theory]
    [InlineData("sme_interested", "owner")]
    [InlineData("partner_interested", "partner")]
    [InlineData("mutual", "owner")]
    [InlineData("mutual", "partner")]
    [InlineData("meeting", "owner")]
    [InlineData("negotiation", "partner")]
    [InlineData("agreement", "owner")]
    public async Task Repeating_ones_own_interest_changes_nothing_and_answers_200(string status, string caller)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync(status);
        var before = await Expect.StatusAsync(await cast.Admin.Client.GetAsync($"/api/v1/matches/{matchId}"), 200);
        var beforeETag = (await cast.Admin.Client.GetAsync($"/api/v1/matches/{matchId}")).ETag();

        var response = await Matches.PostActionAsync(cast.ClientOf(caller), matchId, "interest");

        var again = await Expect.StatusAsync(response, 200);
        Assert.Equal(status, again["status"]!.GetValue<string>());
        Assert.Equal(beforeETag, response.ETag());
        var after = await cast.ReadAsync(matchId);
        Assert.Equal(before["updatedAt"]!.GetValue<DateTime>(), after["updatedAt"]!.GetValue<DateTime>());
        Assert.Equal(before["events"]!.AsArray().Count, after["events"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("meeting")]
    [InlineData("negotiation")]
    [InlineData("agreement")]
    [InlineData("closed")]
    public async Task A_mutual_match_may_move_to_any_later_stage(string stage)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync("mutual");

        var moved = await Matches.ActAsync(cast.Partner.Client, matchId, "stage", new JsonObject { ["stage"] = stage, ["note"] = "Agreed by phone" });

        Assert.Equal(stage, moved["status"]!.GetValue<string>());
        var last = moved["events"]!.AsArray()[^1]!;
        Assert.Equal("mutual", last["from"]!.GetValue<string>());
        Assert.Equal(stage, last["to"]!.GetValue<string>());
        Assert.Equal("Agreed by phone", last["note"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("meeting", "meeting")]
    [InlineData("negotiation", "meeting")]
    [InlineData("negotiation", "negotiation")]
    [InlineData("agreement", "negotiation")]
    [InlineData("agreement", "meeting")]
    public async Task Stages_never_go_back_or_repeat(string status, string stage)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync(status);

        var response = await Matches.PostActionAsync(cast.Owner.Client, matchId, "stage", new JsonObject { ["stage"] = stage });

        await ExpectIllegalAsync(response, status, "stage");
        Assert.Equal(status, (await cast.ReadAsync(matchId))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("suggested")]
    [InlineData("sme_interested")]
    [InlineData("partner_interested")]
    [InlineData("declined")]
    [InlineData("closed")]
    public async Task Stages_are_refused_before_mutual_and_after_the_end(string status)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync(status);

        var response = await Matches.PostActionAsync(cast.Partner.Client, matchId, "stage", new JsonObject { ["stage"] = "closed" });

        await ExpectIllegalAsync(response, status, "stage");
        Assert.Equal(status, (await cast.ReadAsync(matchId))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("suggested", "owner")]
    [InlineData("sme_interested", "partner")]
    [InlineData("partner_interested", "owner")]
    [InlineData("mutual", "partner")]
    [InlineData("meeting", "owner")]
    [InlineData("negotiation", "partner")]
    public async Task Either_party_may_decline_before_an_agreement(string status, string caller)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync(status);

        var declined = await Matches.ActAsync(cast.ClientOf(caller), matchId, "decline", new JsonObject { ["reason"] = "Budget moved" });

        Assert.Equal("declined", declined["status"]!.GetValue<string>());
        var last = declined["events"]!.AsArray()[^1]!;
        Assert.Equal("decline", last["action"]!.GetValue<string>());
        Assert.Equal(status, last["from"]!.GetValue<string>());
        Assert.Equal("declined", last["to"]!.GetValue<string>());
        Assert.Equal("Budget moved", last["note"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("agreement")]
    [InlineData("closed")]
    [InlineData("declined")]
    public async Task Declining_at_an_agreement_or_later_is_a_conflict(string status)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync(status);

        var response = await Matches.PostActionAsync(cast.Partner.Client, matchId, "decline", new JsonObject());

        await ExpectIllegalAsync(response, status, "decline");
        Assert.Equal(status, (await cast.ReadAsync(matchId))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("declined", "owner")]
    [InlineData("declined", "partner")]
    [InlineData("closed", "owner")]
    [InlineData("closed", "partner")]
    public async Task Interest_in_a_declined_or_closed_match_is_a_conflict(string status, string caller)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync(status);

        var response = await Matches.PostActionAsync(cast.ClientOf(caller), matchId, "interest");

        await ExpectIllegalAsync(response, status, "interest");
    }

    [Fact]
    public async Task Decline_needs_no_body()
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync();

        var declined = await Matches.ActAsync(cast.Owner.Client, matchId, "decline");

        Assert.Equal("declined", declined["status"]!.GetValue<string>());
        Assert.Null(declined["events"]!.AsArray()[^1]!["note"]);
    }

    [Fact]
    public async Task Every_transition_is_kept_as_an_event_with_the_side_when_from_to_and_note_but_no_account_id()
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync();
        var start = DateTime.UtcNow.AddSeconds(-5);

        await Matches.ActAsync(cast.Partner.Client, matchId, "interest");
        await Matches.ActAsync(cast.Partner.Client, matchId, "interest");
        await Matches.ActAsync(cast.Owner.Client, matchId, "interest");
        await Matches.ActAsync(cast.Owner.Client, matchId, "stage", new JsonObject { ["stage"] = "meeting", ["note"] = "Visit to Qingdao in May" });
        await Matches.ActAsync(cast.Partner.Client, matchId, "stage", new JsonObject { ["stage"] = "negotiation" });
        var last = await Matches.ActAsync(cast.Owner.Client, matchId, "decline", new JsonObject { ["reason"] = "Terms too strict" });
        var end = DateTime.UtcNow.AddSeconds(5);

        foreach (var reader in new[] { cast.Owner.Client, cast.Partner.Client, cast.Agency.Client, cast.Admin.Client })
        {
            var events = (await cast.ReadAsync(matchId, reader))["events"]!.AsArray();
            Assert.Equal(last["events"]!.ToJsonString(), events.ToJsonString());
            Assert.Equal(
            [
                ("partner", "interest", "suggested", "partner_interested", (string?)null),
                ("sme", "interest", "partner_interested", "mutual", null),
                ("sme", "stage", "mutual", "meeting", "Visit to Qingdao in May"),
                ("partner", "stage", "meeting", "negotiation", null),
                ("sme", "decline", "negotiation", "declined", "Terms too strict"),
            ], events.Select(e => (
                e!["actorRole"]!.GetValue<string>(),
                e["action"]!.GetValue<string>(),
                e["from"]!.GetValue<string>(),
                e["to"]!.GetValue<string>(),
                e["note"]?.GetValue<string>())));
            Assert.All(events, e => Assert.False(e!.AsObject().ContainsKey("actorId"), "a party must not learn the other side's account id"));
            var times = events.Select(e => e!["at"]!.GetValue<DateTime>()).ToList();
            Assert.All(times, t => Assert.InRange(t.ToUniversalTime(), start, end));
            Assert.Equal(times.Order(), times);
        }
    }

    [Fact]
    public async Task Each_change_bumps_the_etag_of_the_match()
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync();
        var first = (await cast.Owner.Client.GetAsync($"/api/v1/matches/{matchId}")).ETag();

        var response = await Matches.PostActionAsync(cast.Owner.Client, matchId, "interest");

        await Expect.StatusAsync(response, 200);
        Assert.NotEqual(first, response.ETag());
        Assert.Equal(response.ETag(), (await cast.Owner.Client.GetAsync($"/api/v1/matches/{matchId}")).ETag());
    }

    [Fact]
    public async Task Both_sides_interested_at_once_end_mutual_with_two_events()
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync();

        var answers = await Task.WhenAll(
            Matches.PostActionAsync(cast.Owner.Client, matchId, "interest"),
            Matches.PostActionAsync(cast.Partner.Client, matchId, "interest"));

        var statuses = answers.Select(a => (int)a.StatusCode).ToList();
        Assert.All(statuses, s => Assert.Contains(s, new[] { 200, 409 }));
        if (statuses.All(s => s == 200))
        {
            var match = await cast.ReadAsync(matchId);
            Assert.Equal("mutual", match["status"]!.GetValue<string>());
            Assert.Equal(2, match["events"]!.AsArray().Count);
        }
    }

    [Theory]
    [InlineData("""{ "stage": "mutual" }""", "stage")]
    [InlineData("""{ "stage": "declined" }""", "stage")]
    [InlineData("""{ "stage": "suggested" }""", "stage")]
    [InlineData("""{ "stage": "Meeting" }""", "stage")]
    [InlineData("""{ "stage": "" }""", "stage")]
    [InlineData("""{ "note": "no stage" }""", "stage")]
    public async Task A_stage_must_be_a_known_stage(string body, string field)
    {
        var cast = await SharedCastAsync();

        var response = await cast.Owner.Client.SendRawAsync(HttpMethod.Post, $"/api/v1/matches/{cast.MatchId}/stage", body);

        await Expect.ProblemAsync(response, 400, field);
    }

    [Fact]
    public async Task Notes_and_reasons_hold_at_most_2000_characters()
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync("mutual");
        var tooLong = new string('x', 2001);

        await Expect.ProblemAsync(await Matches.PostActionAsync(cast.Owner.Client, matchId, "stage", new JsonObject { ["stage"] = "meeting", ["note"] = tooLong }), 400, "note");
        await Expect.ProblemAsync(await Matches.PostActionAsync(cast.Owner.Client, matchId, "decline", new JsonObject { ["reason"] = tooLong }), 400, "reason");
        Assert.Equal("mutual", (await cast.ReadAsync(matchId))["status"]!.GetValue<string>());

        var atLimit = await Matches.ActAsync(cast.Owner.Client, matchId, "stage", new JsonObject { ["stage"] = "meeting", ["note"] = new string('x', 2000) });
        Assert.Equal(2000, atLimit["events"]!.AsArray()[^1]!["note"]!.GetValue<string>().Length);
    }

    [Theory]
    [InlineData("decline", """{ "reason": "x", "status": "closed" }""")]
    [InlineData("stage", """{ "stage": "meeting", "to": "closed" }""")]
    public async Task Unknown_properties_in_an_action_body_are_rejected(string action, string body)
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync("mutual");

        var response = await cast.Owner.Client.SendRawAsync(HttpMethod.Post, $"/api/v1/matches/{matchId}/{action}", body);

        await Expect.ProblemAsync(response, 400);
        Assert.Equal("mutual", (await cast.ReadAsync(matchId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Interest_answers_the_same_shape_as_a_read()
    {
        var cast = await SharedCastAsync();
        var matchId = await cast.FreshMatchAsync();

        var answered = await Matches.ActAsync(cast.Owner.Client, matchId, "interest");

        Assert.Equal((await cast.ReadAsync(matchId, cast.Owner.Client)).ToJsonString(), answered.ToJsonString());
    }

    private static async Task ExpectIllegalAsync(HttpResponseMessage response, string status, string action)
    {
        var problem = await Expect.ProblemAsync(response, 409);
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains($"'{status}'", detail);
        Assert.Contains($"'{action}'", detail);
    }
}

public sealed class MatchDealTestsOnSqlite(SqliteApi api) : MatchDealTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class MatchDealTestsOnSqlServer : MatchDealTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public MatchDealTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
