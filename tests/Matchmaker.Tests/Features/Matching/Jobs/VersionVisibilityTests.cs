using System.Text.Json.Nodes;
using Matchmaker.Tests.Features.Matching.Criteria;
using Matchmaker.Tests.Features.Matching.Scoring;

namespace Matchmaker.Tests.Features.Matching.Jobs;

/// <summary>While a criteria change is re-scored, readers see the previous version whole, then the new one whole.</summary>
public abstract class VersionVisibilityTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task Readers_never_see_a_mix_of_two_criteria_versions_during_a_rescore()
    {
        var partner = await api.UserAsync("partner");
        var partnerId = await Create.PartnerAsync(partner, RescoreOnWriteTests<TApi>.WorkedExamplePartnerBody());
        for (var i = 0; i < 5; i++)
        {
            var sme = await api.UserAsync("sme");
            var smeId = await Create.SmeAsync(sme, RescoreOnWriteTests<TApi>.WorkedExampleSmeBody());
            await Create.NeedAsync(sme, smeId, RescoreOnWriteTests<TApi>.WorkedExampleNeedBody());
        }

        var admin = await api.AdminAsync();
        var read = await admin.Client.GetAsync("/api/v1/criteria");
        var oldVersion = (await Expect.StatusAsync(read, 200))["version"]!.GetValue<int>();
        var body = CriteriaBodies.Valid();
        body["criteria"]!.AsArray().Single(c => c!["key"]!.GetValue<string>() == "certification")!["weight"] = 40;
        var put = await admin.Client.PutAsync("/api/v1/criteria", body, read.ETag());
        await Expect.StatusAsync(put, 202);
        var jobUrl = put.Headers.Location!.OriginalString;

        var observations = new List<(bool JobDone, int[] Versions, decimal[] Scores)>();
        var deadline = DateTime.UtcNow + JobPolling.Patience;
        var seenWhileRunning = false;
        while (DateTime.UtcNow < deadline)
        {
            var job = await Expect.StatusAsync(await admin.Client.GetAsync(jobUrl), 200);
            var list = await Expect.StatusAsync(await admin.Client.GetAsync($"/api/v1/partners/{partnerId}/matches?limit=100"), 200);
            var items = list["items"]!.AsArray();
            var done = JobPolling.Status(job) is "succeeded" or "failed";
            seenWhileRunning |= JobPolling.Status(job) == "running" && job["processed"]!.GetValue<int>() > 0 && !done;
            observations.Add((done, items.Select(m => m!["criteriaVersion"]!.GetValue<int>()).ToArray(), items.Select(m => m!["score"]!.GetValue<decimal>()).ToArray()));
            if (done)
                break;
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(observations[^1].JobDone, "the re-score job did not finish in time");
        Assert.True(seenWhileRunning, "the list was never read while the job was halfway");
        Assert.All(observations, o => Assert.Equal(5, o.Versions.Length));
        Assert.All(observations, o => Assert.Single(o.Versions.Distinct()));
        var versions = observations.Select(o => o.Versions[0]).ToList();
        Assert.Equal(versions.Order().ToList(), versions);
        Assert.Equal(oldVersion + 1, versions[^1]);
        Assert.All(observations.Where(o => o.Versions[0] == oldVersion), o => Assert.All(o.Scores, s => Assert.Equal(87.0m, s)));
        // With certification (which the example scores 0) weighing 40, the total weight is 138: 100 × 87.0233 / 138 = 63.1.
        Assert.All(observations[^1].Scores, s => Assert.Equal(63.1m, s));
    }
}

public sealed class VersionVisibilityTestsOnSqlite(SlowJobsSqliteApi api) : VersionVisibilityTests<SlowJobsSqliteApi>(api), IClassFixture<SlowJobsSqliteApi>;

public sealed class VersionVisibilityTestsOnSqlServer : VersionVisibilityTests<SlowJobsSqlServerApi>, IClassFixture<SlowJobsSqlServerApi>
{
    public VersionVisibilityTestsOnSqlServer(SlowJobsSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
