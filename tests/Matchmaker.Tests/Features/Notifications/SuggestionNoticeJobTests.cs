using System.Text.Json.Nodes;
using Matchmaker.Tests.Features.Matching.Criteria;
using Matchmaker.Tests.Features.Matching.Jobs;

namespace Matchmaker.Tests.Features.Notifications;

/// <summary>A criteria re-score announces only the matches it created, at most once per need (to the SME) and per partner (to the partner).</summary>
public abstract class SuggestionNoticeJobTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task A_rescore_tells_each_account_once_per_need_or_partner_and_only_of_matches_new_to_it()
    {
        var admin = await api.AdminAsync();
        await ChangeCriteriaAsync(admin, CriteriaBodies.Valid(maxPerNeed: 1, maxPerPartner: 1));
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        var needs = new List<Guid>();
        for (var i = 0; i < 3; i++)
            needs.Add(await Create.NeedAsync(owner, smeId, Bodies.Need(title: $"Line {i + 1}")));
        var partners = new List<(Actor Owner, Guid Id)>();
        for (var i = 0; i < 3; i++)
            partners.Add(await Create.PartnerAccountAsync(api));
        // All nine pairs score 87.0, and ties go to the lower id: under caps of one, the first partner keeps
        // every need (each had room when it came) and the other two keep only the first need.
        Assert.Equal(3, (await Paging.AllAsync(partners[0].Owner.Client, $"/api/v1/partners/{partners[0].Id}/matches", 100)).Count);
        Assert.Single(await Paging.AllAsync(owner.Client, $"/api/v1/needs/{needs[1]}/matches", 100));
        var before = await CountsAsync(owner, partners);

        await ChangeCriteriaAsync(admin, CriteriaBodies.Valid());

        var smeNew = await NewSuggestionsAsync(owner, before[0]);
        Assert.Equal(new[] { needs[1], needs[2] }.Order(), smeNew.Select(i => Inbox.Id(i, "needId")!.Value).Order());
        Assert.All(smeNew, i => Assert.Equal("2 new matches", i["title"]!.GetValue<string>()));
        Assert.Empty(await NewSuggestionsAsync(partners[0].Owner, before[1]));
        foreach (var (partner, index) in partners.Skip(1).Select((p, i) => (p, i + 2)))
        {
            var item = Assert.Single(await NewSuggestionsAsync(partner.Owner, before[index]));
            Assert.Equal(("2 new matches", partner.Id), (item["title"]!.GetValue<string>(), Inbox.Id(item, "partnerId")!.Value));
        }

        var settled = await CountsAsync(owner, partners);
        var body = CriteriaBodies.Valid();
        body["criteria"]!.AsArray().Single(c => c!["key"]!.GetValue<string>() == "language")!["weight"] = 4;
        await ChangeCriteriaAsync(admin, body);

        Assert.Equal(settled, await CountsAsync(owner, partners));
    }

    private static async Task ChangeCriteriaAsync(Actor admin, JsonObject body)
    {
        var read = await admin.Client.GetAsync("/api/v1/criteria");
        await Expect.StatusAsync(read, 200);
        var put = await admin.Client.PutAsync("/api/v1/criteria", body, read.ETag());
        await Expect.StatusAsync(put, 202);
        await JobPolling.WaitForStatusAsync(admin.Client, put.Headers.Location!.OriginalString, "succeeded");
    }

    private static async Task<int[]> CountsAsync(Actor owner, List<(Actor Owner, Guid Id)> partners)
    {
        var counts = new List<int> { (await Inbox.OfKindAsync(owner, "match_suggested")).Count };
        foreach (var (partner, _) in partners)
            counts.Add((await Inbox.OfKindAsync(partner, "match_suggested")).Count);
        return [.. counts];
    }

    private static async Task<List<JsonObject>> NewSuggestionsAsync(Actor reader, int before)
    {
        var items = await Inbox.OfKindAsync(reader, "match_suggested");
        return items.Take(items.Count - before).ToList();
    }
}

public sealed class SuggestionNoticeJobTestsOnSqlite(SqliteApi api) : SuggestionNoticeJobTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class SuggestionNoticeJobTestsOnSqlServer : SuggestionNoticeJobTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public SuggestionNoticeJobTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
