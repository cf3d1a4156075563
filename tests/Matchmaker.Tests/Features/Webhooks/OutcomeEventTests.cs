using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Api.Features.Matching.Outcomes.Reminders;
using Matchmaker.Tests.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaker.Tests.Features.Webhooks;

/// <summary>
/// Outcomes tell people: a recorded outcome reaches the parties' and the agency's subscribers, and at each
/// follow-up after the agreement both parties are asked for one (inbox, and subscribers), once, unless they
/// already answered.
/// </summary>
public abstract class OutcomeEventTests<TApi>(TApi api) where TApi : ApiFixture, IHookApi
{
    private async Task<(NoticeCast Cast, Guid Match)> AgreedAsync(string sector)
    {
        var cast = await NoticeCast.CreateAsync(api, sector);
        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "interest");
        await Matches.ActAsync(cast.Partner.Client, cast.MatchId, "interest");
        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "stage", new JsonObject { ["stage"] = "agreement" });
        return (cast, cast.MatchId);
    }

    private async Task AgreedMonthsAgoAsync(Guid match, int months, int days = 1)
    {
        await using var connection = await api.OpenDatabaseAsync();
        await connection.ExecuteAsync("""
            UPDATE match_events SET created_at = @At
            WHERE to_status = 'agreement' AND match_id = (SELECT id FROM matches WHERE public_id = @Match)
            """, new { At = api.Clock.UtcNow.AddMonths(-months).AddDays(-days), Match = api.KeyOf(match) });
    }

    private Task<int> SweepAsync() => api.App.Services.GetRequiredService<OutcomeReminders>().SweepAsync(TestContext.Current.CancellationToken);

    private static JsonObject Outcome() => new()
    {
        ["investment"] = new JsonObject { ["amount"] = 250_000, ["currency"] = "USD" },
        ["jobsCreated"] = 12,
        ["youthJobs"] = 5,
    };

    private async Task<List<(string Status, int Step)>> RemindersAsync(Guid match)
    {
        await using var connection = await api.OpenDatabaseAsync();
        return [.. await connection.QueryAsync<(string, int)>(
            "SELECT status, step FROM outcome_reminders WHERE match_id = (SELECT id FROM matches WHERE public_id = @Match) ORDER BY step",
            new { Match = api.KeyOf(match) })];
    }

    [Fact]
    public async Task A_recorded_outcome_reaches_both_parties_and_oversight_with_its_figures()
    {
        var agency = await api.UserAsync("agency");
        var (cast, match) = await AgreedAsync("Q86");
        var toPartner = await Hook.SubscribeAsync(api, cast.Partner, "outcome.recorded");
        var toAgency = await Hook.SubscribeAsync(api, agency, "outcome.recorded");

        var recorded = await Expect.StatusAsync(await cast.Owner.Client.PostAsJsonAsync($"/api/v1/matches/{match}/outcomes", Outcome()), 201);

        foreach (var hook in new[] { toPartner, toAgency })
        {
            var post = (await api.Receiver.WaitForAsync(hook.Name, r => r.Any(p => p.Data("matchId") == match.ToString()))).Single(p => p.Data("matchId") == match.ToString());
            Assert.Equal(("outcome.recorded", recorded["id"]!.ToString(), "250000", "12", "5"),
                (post.Type, post.Data("outcomeId"), post.Data("investmentUsd"), post.Data("jobsCreated"), post.Data("youthJobs")));
            Assert.DoesNotContain("note", post.Body);
        }
    }

    [Fact]
    public async Task Three_months_after_the_agreement_both_parties_are_asked_for_the_outcome_once()
    {
        var (cast, match) = await AgreedAsync("R90");
        var toOwner = await Hook.SubscribeAsync(api, cast.Owner, "outcome.due");
        await AgreedMonthsAgoAsync(match, 3);

        var sent = await SweepAsync();
        await SweepAsync();

        Assert.True(sent >= 2);
        foreach (var party in new[] { cast.Owner, cast.Partner })
        {
            var item = Assert.Single(await Inbox.OfKindAsync(party, "outcome_due"));
            Assert.Equal(match, Inbox.Id(item, "matchId"));
        }

        var post = Assert.Single(await api.Receiver.WaitForAsync(toOwner.Name, r => r.Count >= 1));
        Assert.Equal(("outcome.due", "1", "agreement"), (post.Type, post.Data("followUp"), post.Data("status")));
        Assert.Equal([("sent", 1)], await RemindersAsync(match));
    }

    [Fact]
    public async Task No_reminder_goes_to_a_deal_whose_outcome_was_recorded_since_and_an_overdue_deal_gets_only_the_latest()
    {
        var (answered, answeredMatch) = await AgreedAsync("S94");
        await Expect.StatusAsync(await answered.Partner.Client.PostAsJsonAsync($"/api/v1/matches/{answeredMatch}/outcomes", Outcome()), 201);
        await AgreedMonthsAgoAsync(answeredMatch, 3);
        var (late, lateMatch) = await AgreedAsync("T97");
        await AgreedMonthsAgoAsync(lateMatch, 13);

        await SweepAsync();

        Assert.Empty(await Inbox.OfKindAsync(answered.Owner, "outcome_due"));
        Assert.Equal([("skipped", 1)], await RemindersAsync(answeredMatch));
        Assert.Single(await Inbox.OfKindAsync(late.Owner, "outcome_due"));
        Assert.Equal([("skipped", 1), ("skipped", 2), ("sent", 3)], await RemindersAsync(lateMatch));
    }
}

public sealed class OutcomeEventTestsOnSqlite(HookSqliteApi api) : OutcomeEventTests<HookSqliteApi>(api), IClassFixture<HookSqliteApi>;

public sealed class OutcomeEventTestsOnSqlServer : OutcomeEventTests<HookSqlServerApi>, IClassFixture<HookSqlServerApi>
{
    public OutcomeEventTestsOnSqlServer(HookSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
