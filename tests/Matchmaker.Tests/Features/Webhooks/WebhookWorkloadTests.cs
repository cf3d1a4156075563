using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Tests.Features.Notifications;

namespace Matchmaker.Tests.Features.Webhooks;

/// <summary>
/// A randomised run of deals while receivers fail at random and the app restarts: what each subscriber
/// received equals, event for event, what the match history says happened, and no delivery is lost.
/// </summary>
public sealed class WebhookWorkloadTests(HookSqliteApi api) : IClassFixture<HookSqliteApi>
{
    private static readonly string[] Events = ["match.interest", "match.mutual", "match.stage_changed", "match.declined"];

    private sealed record Transition(string MatchId, string Action, string ToStatus);

    [Fact]
    public async Task Every_transition_reaches_each_subscriber_once_through_receiver_outages_and_a_restart()
    {
        var random = new Random(20261127);
        var agency = await api.UserAsync("agency");
        var toAgency = await Hook.SubscribeAsync(api, agency, Events);
        var casts = new List<(NoticeCast Cast, Hook ToOwner, Hook ToPartner)>();
        foreach (var sector in new[] { "N79", "O84", "P85" })
        {
            var cast = await NoticeCast.CreateAsync(api, sector);
            casts.Add((cast, await Hook.SubscribeAsync(api, cast.Owner, Events), await Hook.SubscribeAsync(api, cast.Partner, Events)));
        }

        var matches = new List<(int Cast, Guid Match)>();
        for (var c = 0; c < casts.Count; c++)
        {
            matches.Add((c, casts[c].Cast.MatchId));
            for (var i = 0; i < 2; i++)
                matches.Add((c, await casts[c].Cast.FreshMatchAsync()));
        }

        var hooks = casts.SelectMany(c => new[] { c.ToOwner, c.ToPartner }).Append(toAgency).ToList();
        var actions = 0;
        for (var round = 0; round < 4; round++)
        {
            foreach (var hook in hooks)
                api.Receiver.Answer(hook.Name, Enumerable.Range(0, random.Next(3)).Select(_ => random.Next(2) == 0 ? 503 : 500).ToArray());
            if (round == 2)
            {
                await api.RestartAsync();
                for (var c = 0; c < casts.Count; c++)
                {
                    var cast = casts[c].Cast with
                    {
                        Owner = await api.SignInAsync(casts[c].Cast.Owner.Email, ApiFixture.Password, "sme"),
                        Partner = await api.SignInAsync(casts[c].Cast.Partner.Email, ApiFixture.Password, "partner"),
                    };
                    casts[c] = (cast, casts[c].ToOwner with { Owner = cast.Owner }, casts[c].ToPartner with { Owner = cast.Partner });
                }

                toAgency = toAgency with { Owner = await api.SignInAsync(agency.Email, ApiFixture.Password, "agency") };
                hooks = [.. casts.SelectMany(c => new[] { c.ToOwner, c.ToPartner }).Append(toAgency)];
            }

            foreach (var (c, match) in matches.OrderBy(_ => random.Next()))
            {
                var actor = random.Next(2) == 0 ? casts[c].Cast.Owner : casts[c].Cast.Partner;
                var action = random.Next(10) switch { < 6 => "interest", < 8 => "stage", _ => "decline" };
                var body = action switch
                {
                    "stage" => new JsonObject { ["stage"] = new[] { "meeting", "negotiation", "agreement" }[random.Next(3)] },
                    "decline" => new JsonObject { ["reason"] = "Not now" },
                    _ => null,
                };
                var answer = await Matches.PostActionAsync(actor.Client, match, action, body);
                Assert.True((int)answer.StatusCode is 200 or 409, $"{action} answered {(int)answer.StatusCode}");
                actions++;
            }
        }

        var deliveries = new List<JsonObject>();
        foreach (var hook in hooks)
            deliveries.AddRange(await WaitForAllDeliveredAsync(hook));

        List<Transition> history;
        await using (var connection = await api.OpenDatabaseAsync())
            history = [.. await connection.QueryAsync<Transition>("""
                SELECT m.public_id AS MatchId, e.action AS Action, e.to_status AS ToStatus
                FROM match_events e JOIN matches m ON m.id = e.match_id
                WHERE m.public_id IN @Ids AND e.action IN ('interest', 'stage', 'decline') AND e.actor_role IN ('sme', 'partner')
                """, new { Ids = matches.Select(m => api.KeyOf(m.Match)).ToList() })];
        var expected = history.Select(t => $"{t.MatchId.ToLowerInvariant()} {Type(t)} {t.ToStatus}").Order().ToList();

        var retried = 0;
        for (var c = 0; c < casts.Count; c++)
        {
            var own = matches.Where(m => m.Cast == c).Select(m => m.Match.ToString()).ToHashSet();
            foreach (var hook in new[] { casts[c].ToOwner, casts[c].ToPartner })
                retried += AssertReceivedExactly(hook, expected.Where(e => own.Contains(e.Split(' ')[0])).ToList());
        }

        var all = matches.Select(m => m.Match.ToString()).ToHashSet();
        retried += AssertReceivedExactly(toAgency, expected, r => all.Contains(r.Data("matchId")!));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"webhook workload: {actions} actions, {history.Count} transitions, {deliveries.Count} deliveries to {hooks.Count} subscribers, "
            + $"{api.Receiver.Received.Count(r => hooks.Any(h => h.Name == r.Hook))} posts received, {retried} refused and retried, duplicates 0, lost 0");
        Assert.True(history.Count >= 20, $"only {history.Count} transitions");
    }

    private static string Type(Transition t) => t.ToStatus == "mutual" ? "match.mutual" : t.Action switch
    {
        "interest" => "match.interest",
        "stage" => "match.stage_changed",
        _ => "match.declined",
    };

    /// <summary>
    /// Checks that what the hook took (answered 2xx) is the history, one post per delivery id, and that a post
    /// the receiver took was never sent again; returns how many refused posts were retried.
    /// </summary>
    private int AssertReceivedExactly(Hook hook, List<string> expected, Func<ReceivedHook, bool>? about = null)
    {
        var posts = api.Receiver.Of(hook.Name).Where(about ?? (_ => true)).ToList();
        var taken = posts.Where(p => p.Answered == 200).ToList();
        Assert.All(posts.GroupBy(p => p.Id), g => Assert.Single(g.Select(p => p.Body).Distinct()));
        Assert.Equal(taken.Count, taken.Select(p => p.Id).Distinct().Count());
        Assert.Equal(expected, taken.Select(p => $"{p.Data("matchId")} {p.Type} {p.Data("status")}").Order().ToList());
        return posts.Count - taken.Count;
    }

    private static async Task<List<JsonObject>> WaitForAllDeliveredAsync(Hook hook)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var all = await hook.DeliveriesAsync();
            if (all.All(d => d["status"]!.GetValue<string>() == "delivered"))
                return all;
            Assert.True(DateTime.UtcNow < deadline, $"{all.Count(d => d["status"]!.GetValue<string>() == "delivered")} of {all.Count} delivered.");
            await Task.Delay(250);
        }
    }
}
