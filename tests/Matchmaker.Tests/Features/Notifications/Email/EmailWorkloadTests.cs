using Dapper;

namespace Matchmaker.Tests.Features.Notifications.Email;

/// <summary>
/// A randomised run of deals through SMTP outages and a restart: every item of every account that wants
/// e-mail reaches the SMTP server exactly once, and nothing else does.
/// </summary>
public sealed class EmailWorkloadTests(MailSqliteApi api) : IClassFixture<MailSqliteApi>
{
    private sealed record Queued(Guid PublicId, string Status, long? AccountTokenId);

    [Fact]
    public async Task Every_item_is_mailed_exactly_once_through_outages_and_a_restart()
    {
        var random = new Random(20261126);
        var casts = new List<NoticeCast>();
        foreach (var sector in new[] { "A01", "B05", "C10", "D35" })
            casts.Add(await NoticeCast.CreateAsync(api, sector));
        var matches = new List<(NoticeCast Cast, Guid Match)>();
        foreach (var cast in casts)
        {
            matches.Add((cast, cast.MatchId));
            for (var i = 0; i < 2; i++)
                matches.Add((cast, await cast.FreshMatchAsync()));
        }

        var steps = 0;
        foreach (var round in Enumerable.Range(0, 4))
        {
            if (round == 1)
                await api.Smtp.StopAsync();
            if (round == 2)
            {
                await api.RestartAsync();
                api.Smtp.Start();
                var again = new Dictionary<NoticeCast, NoticeCast>();
                foreach (var cast in casts)
                    again[cast] = cast with
                    {
                        Owner = await api.SignInAsync(cast.Owner.Email, ApiFixture.Password, "sme"),
                        Partner = await api.SignInAsync(cast.Partner.Email, ApiFixture.Password, "partner"),
                    };
                matches = [.. matches.Select(m => (again[m.Cast], m.Match))];
                casts = [.. again.Values];
            }

            foreach (var (cast, match) in matches.OrderBy(_ => random.Next()))
            {
                var actor = random.Next(2) == 0 ? cast.Owner : cast.Partner;
                var action = random.Next(10) switch { < 6 => "interest", < 8 => "stage", _ => "decline" };
                var body = action switch
                {
                    "stage" => new System.Text.Json.Nodes.JsonObject { ["stage"] = new[] { "meeting", "negotiation", "agreement" }[random.Next(3)] },
                    "decline" => new System.Text.Json.Nodes.JsonObject { ["reason"] = "Not now" },
                    _ => null,
                };
                var answer = await Matches.PostActionAsync(actor.Client, match, action, body);
                Assert.True((int)answer.StatusCode is 200 or 409, $"{action} answered {(int)answer.StatusCode}");
                steps++;
            }
        }

        await using var connection = await api.OpenDatabaseAsync();
        var items = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM notifications");
        var deadline = DateTime.UtcNow.AddSeconds(150);
        List<Queued> outbox;
        while (true)
        {
            outbox = [.. await connection.QueryAsync<Queued>("SELECT public_id AS PublicId, status AS Status, account_token_id AS AccountTokenId FROM email_outbox")];
            if (outbox.All(o => o.Status == "sent") || DateTime.UtcNow > deadline)
                break;
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        await Task.Delay(1000, TestContext.Current.CancellationToken);
        var received = api.Smtp.Received.Select(m => m.MessageId).ToList();
        var expected = outbox.Select(o => $"{o.PublicId:N}@matchmaker").ToHashSet();
        var duplicates = received.Count - received.Distinct().Count();
        var lost = expected.Count(id => !received.Contains(id));

        // Registrations add their verification links to the outbox; every other row is an inbox item's.
        Assert.Equal(items, outbox.Count(o => o.AccountTokenId is null));
        Assert.All(outbox, o => Assert.Equal("sent", o.Status));
        Assert.Equal(0, duplicates);
        Assert.Equal(0, lost);
        Assert.DoesNotContain(received, id => !expected.Contains(id ?? ""));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"e-mail workload: {steps} actions, {items} inbox items, {outbox.Count} queued, {received.Count} delivered, duplicates {duplicates}, lost {lost}");
    }
}
