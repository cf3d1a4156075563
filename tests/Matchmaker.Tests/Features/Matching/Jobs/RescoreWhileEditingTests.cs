using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Matchmaker.Tests.Features.Matching.Criteria;
using Matchmaker.Tests.Features.Matching.Scoring;

namespace Matchmaker.Tests.Features.Matching.Jobs;

/// <summary>
/// What people change while an agency's criteria change is being re-scored survives the job: the
/// job scored a snapshot, and nothing it writes may outlive the edit it did not see.
/// </summary>
public abstract class RescoreWhileEditingTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task Edits_made_while_a_job_runs_are_what_the_new_version_scores()
    {
        var (partner, partnerId) = await Create.PartnerAccountAsync(api, RescoreOnWriteTests<TApi>.WorkedExamplePartnerBody());
        var owners = new List<(Actor Owner, Guid NeedId)>();
        for (var i = 0; i < 6; i++)
        {
            var (owner, smeId) = await Create.SmeAccountAsync(api, RescoreOnWriteTests<TApi>.WorkedExampleSmeBody());
            owners.Add((owner, await Create.NeedAsync(owner, smeId, RescoreOnWriteTests<TApi>.WorkedExampleNeedBody())));
        }

        var jobUrl = await ChangeCriteriaAsync();
        await JobPolling.WaitForAsync((await api.AdminAsync()).Client, jobUrl, j => JobPolling.Status(j) == "running");

        var (lastOwner, lastNeed) = owners[^1];
        var need = await lastOwner.Client.GetAsync($"/api/v1/needs/{lastNeed}");
        var edited = RescoreOnWriteTests<TApi>.WorkedExampleNeedBody();
        edited["amount"] = new JsonObject { ["amount"] = 20_000_000, ["currency"] = "CNY" };
        edited["jobsToCreate"] = 3;
        await Expect.StatusAsync(await lastOwner.Client.PutAsync($"/api/v1/needs/{lastNeed}", edited, need.ETag()), 200);
        var profile = await partner.Client.GetAsync($"/api/v1/partners/{partnerId}");
        var ticket = RescoreOnWriteTests<TApi>.WorkedExamplePartnerBody();
        ticket["ticket"] = new JsonObject { ["minUsd"] = 100_000, ["maxUsd"] = 10_000_000 };
        await Expect.StatusAsync(await partner.Client.PutAsync($"/api/v1/partners/{partnerId}", ticket, profile.ETag()), 200);

        await JobPolling.WaitForStatusAsync((await api.AdminAsync()).Client, jobUrl, "succeeded");

        await Invariants.AssertHoldAsync(api);
    }

    [Fact]
    public async Task A_closed_need_keeps_only_the_matches_someone_acted_on_through_a_criteria_change()
    {
        var partners = new List<Guid>();
        for (var i = 0; i < 3; i++)
            partners.Add((await Create.PartnerAccountAsync(api, RescoreOnWriteTests<TApi>.WorkedExamplePartnerBody())).PartnerId);
        var (owner, smeId) = await Create.SmeAccountAsync(api, RescoreOnWriteTests<TApi>.WorkedExampleSmeBody());
        var needId = await Create.NeedAsync(owner, smeId, RescoreOnWriteTests<TApi>.WorkedExampleNeedBody());
        var matchId = await Matches.IdAsync(owner.Client, needId, partners[0]);
        await Matches.ActAsync(owner.Client, matchId, "interest");
        await Expect.StatusAsync(await owner.Client.PostAsJsonAsync($"/api/v1/needs/{needId}/close", new JsonObject()), 200);

        var jobUrl = await ChangeCriteriaAsync();
        await JobPolling.WaitForStatusAsync((await api.AdminAsync()).Client, jobUrl, "succeeded");

        var list = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/needs/{needId}/matches"), 200);
        Assert.Equal([matchId.ToString()], JsonLists.Ids(list));
        await Invariants.AssertHoldAsync(api);
    }

    [Fact]
    public async Task An_open_needs_match_someone_acted_on_outlives_a_minimum_it_no_longer_reaches()
    {
        var partners = new List<Guid>();
        for (var i = 0; i < 3; i++)
            partners.Add((await Create.PartnerAccountAsync(api, RescoreOnWriteTests<TApi>.WorkedExamplePartnerBody())).PartnerId);
        var (owner, smeId) = await Create.SmeAccountAsync(api, RescoreOnWriteTests<TApi>.WorkedExampleSmeBody());
        var needId = await Create.NeedAsync(owner, smeId, RescoreOnWriteTests<TApi>.WorkedExampleNeedBody());
        var untouched = new[] { await Matches.IdAsync(owner.Client, needId, partners[0]), await Matches.IdAsync(owner.Client, needId, partners[1]) };
        var actedOn = await Matches.IdAsync(owner.Client, needId, partners[2]);
        await Matches.ActAsync(owner.Client, actedOn, "interest");

        // The worked example scores 87.0: under a minimum of 100 only the pair someone acted on may stay.
        var jobUrl = await ChangeCriteriaAsync(CriteriaBodies.Valid(minScore: 100));
        await JobPolling.WaitForStatusAsync((await api.AdminAsync()).Client, jobUrl, "succeeded");

        var listed = JsonLists.Ids(await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/needs/{needId}/matches"), 200));
        Assert.Contains(actedOn.ToString(), listed);
        Assert.DoesNotContain(untouched[0].ToString(), listed);
        Assert.DoesNotContain(untouched[1].ToString(), listed);
        await Invariants.AssertHoldAsync(api);

        // The other tests of this class create pairs that must reach the minimum.
        await JobPolling.WaitForStatusAsync((await api.AdminAsync()).Client, await ChangeCriteriaAsync(), "succeeded");
    }

    [Fact]
    public async Task A_declined_pair_stays_declined_with_its_reason_through_criteria_rescores()
    {
        var (partner, partnerId) = await Create.PartnerAccountAsync(api, RescoreOnWriteTests<TApi>.WorkedExamplePartnerBody());
        var (owner, smeId) = await Create.SmeAccountAsync(api, RescoreOnWriteTests<TApi>.WorkedExampleSmeBody());
        var needId = await Create.NeedAsync(owner, smeId, RescoreOnWriteTests<TApi>.WorkedExampleNeedBody());
        var declined = await Matches.IdAsync(owner.Client, needId, partnerId);
        await Matches.ActAsync(partner.Client, declined, "decline", new JsonObject { ["reasonCode"] = "region" });

        // Below the minimum first (a suggestion would be dropped and, once back above, suggested anew), then back.
        await JobPolling.WaitForStatusAsync((await api.AdminAsync()).Client, await ChangeCriteriaAsync(CriteriaBodies.Valid(minScore: 100)), "succeeded");
        await JobPolling.WaitForStatusAsync((await api.AdminAsync()).Client, await ChangeCriteriaAsync(), "succeeded");

        var list = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/needs/{needId}/matches"), 200);
        // Other tests of the class add partners this need may match too; the pair itself is one match, still declined.
        Assert.Contains(declined.ToString(), JsonLists.Ids(list));
        var match = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/matches/{declined}"), 200);
        Assert.Equal("declined", match["status"]!.GetValue<string>());
        Assert.Equal("region", match["events"]!.AsArray().Single()!["reasonCode"]!.GetValue<string>());
        await Invariants.AssertHoldAsync(api);
    }

    private async Task<string> ChangeCriteriaAsync(JsonObject? criteria = null)
    {
        var admin = await api.AdminAsync();
        var read = await admin.Client.GetAsync("/api/v1/criteria");
        await Expect.StatusAsync(read, 200);
        var put = await admin.Client.PutAsync("/api/v1/criteria", criteria ?? CriteriaBodies.Valid(), read.ETag());
        await Expect.StatusAsync(put, 202);
        return put.Headers.Location!.OriginalString;
    }
}

public sealed class RescoreWhileEditingTestsOnSqlite(SlowJobsSqliteApi api) : RescoreWhileEditingTests<SlowJobsSqliteApi>(api), IClassFixture<SlowJobsSqliteApi>;

public sealed class RescoreWhileEditingTestsOnSqlServer : RescoreWhileEditingTests<SlowJobsSqlServerApi>, IClassFixture<SlowJobsSqlServerApi>
{
    public RescoreWhileEditingTestsOnSqlServer(SlowJobsSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
