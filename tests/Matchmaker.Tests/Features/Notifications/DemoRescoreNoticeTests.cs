using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Tests.Features.Demo;
using Matchmaker.Tests.Features.Matching.Criteria;
using Matchmaker.Tests.Features.Matching.Jobs;

namespace Matchmaker.Tests.Features.Notifications;

/// <summary>
/// A criteria change on the demo world: every account hears once per need (SMEs) or partner profile (partners),
/// of exactly the matches the re-score created, and of no match it had before.
/// </summary>
public sealed class DemoRescoreNoticeTests(DemoSqliteApi api) : IClassFixture<DemoSqliteApi>
{
    private sealed record Item(long UserId, string Role, Guid? NeedId, Guid? PartnerId, string Data);

    [Fact]
    public async Task A_criteria_change_on_the_demo_world_tells_each_account_once_per_record_of_exactly_the_new_matches()
    {
        var admin = await api.AdminAsync();
        await using var connection = await api.OpenDatabaseAsync();
        // Everyone wants every new match, so that the suggestions below the default 70 count too.
        await connection.ExecuteAsync("""
            INSERT INTO notification_preferences (user_id, email_mode, language, min_score, updated_at)
            SELECT id, 'off', 'en', 0, created_at FROM users
            """);
        var before = (await connection.QueryAsync<(long, long)>("SELECT need_id, partner_id FROM matches")).ToHashSet();
        var itemsBefore = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notifications");

        var read = await admin.Client.GetAsync("/api/v1/criteria");
        await Expect.StatusAsync(read, 200);
        var body = CriteriaBodies.Valid(minScore: 30);
        foreach (var criterion in body["criteria"]!.AsArray())
            criterion!["required"] = false;
        var put = await admin.Client.PutAsync("/api/v1/criteria", body, read.ETag());
        await Expect.StatusAsync(put, 202);
        await JobPolling.WaitForStatusAsync(admin.Client, put.Headers.Location!.OriginalString, "succeeded");

        var created = (await connection.QueryAsync<(long, long)>("SELECT need_id, partner_id FROM matches")).Where(p => !before.Contains(p)).ToList();
        var items = (await connection.QueryAsync<Item>("""
            SELECT n.user_id AS UserId, u.role AS Role, n.need_public_id AS NeedId, n.partner_public_id AS PartnerId, n.data AS Data
            FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE n.kind = 'match_suggested' AND n.id > @Before
            """, new { Before = itemsBefore })).ToList();
        var toSmes = items.Where(i => i.Role == "sme").ToList();
        var toPartners = items.Where(i => i.Role == "partner").ToList();

        Assert.True(created.Count > 100, $"the change created only {created.Count} matches");
        Assert.Equal(toSmes.Count, toSmes.Select(i => (i.UserId, i.NeedId)).Distinct().Count());
        Assert.Equal(toPartners.Count, toPartners.Select(i => (i.UserId, i.PartnerId)).Distinct().Count());
        Assert.Equal(created.Count, toSmes.Sum(Count));
        Assert.Equal(created.Count, toPartners.Sum(Count));
        Assert.Equal(created.Select(p => p.Item1).Distinct().Count(), toSmes.Count);
        Assert.Equal(created.Select(p => p.Item2).Distinct().Count(), toPartners.Count);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"demo re-score: {created.Count} new matches announced in {toSmes.Count} SME items and {toPartners.Count} partner items; duplicates 0");
    }

    private static int Count(Item item) => JsonNode.Parse(item.Data)!["count"]!.GetValue<int>();
}
