using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Tests.Features.Matching.Criteria;

namespace Matchmaker.Tests.Features.Matching.Jobs;

public abstract class JobRecoveryTests<TApi>(TApi api) where TApi : ApiFixture
{
    private const int NeedsPerTest = 6;

    protected TApi Api { get; } = api;

    [Fact]
    public async Task A_job_interrupted_by_a_restart_resumes_where_it_stopped_and_succeeds()
    {
        var (jobUrl, version) = await StartRescoreAsync();
        var admin = await Api.AdminAsync();
        var before = await JobPolling.WaitForAsync(admin.Client, jobUrl, j => Running(j) && Processed(j) >= 2);

        await Api.RestartAsync();

        admin = await Api.AdminAsync();
        var seen = new List<JsonNode>();
        var job = await JobPolling.WaitForAsync(admin.Client, jobUrl, Ended, seen);
        Assert.True(JobPolling.Status(job) == "succeeded", job.ToJsonString());
        Assert.Equal(2, job["attempts"]!.GetValue<int>());
        Assert.Equal(job["total"]!.GetValue<int>(), Processed(job));
        Assert.All(seen, j => Assert.True(Processed(j) >= Processed(before), $"progress went back from {Processed(before)}: {j.ToJsonString()}"));
        await ExpectActiveAsync(admin, version);
    }

    [Fact]
    public async Task A_second_change_while_a_job_runs_supersedes_it()
    {
        var (firstUrl, version) = await StartRescoreAsync();
        var admin = await Api.AdminAsync();

        var second = await admin.Client.PutAsync("/api/v1/criteria", CriteriaBodies.Valid(minScore: 50), $"\"{version}\"");

        Assert.Equal(version + 1, (await Expect.StatusAsync(second, 202))["criteriaVersion"]!.GetValue<int>());
        var first = await JobPolling.WaitForAsync(admin.Client, firstUrl, Ended);
        Assert.Equal("failed", JobPolling.Status(first));
        Assert.Equal($"superseded by version {version + 1}", first["error"]!.GetValue<string>());
        Assert.NotNull(first["finishedAt"]);
        var latest = await JobPolling.WaitForAsync(admin.Client, second.Headers.Location!.OriginalString, Ended);
        Assert.True(JobPolling.Status(latest) == "succeeded", latest.ToJsonString());
        await ExpectActiveAsync(admin, version + 1);
        await Expect.ProblemAsync(await admin.Client.PostAsync($"{firstUrl}/restart", null, null), 409);
    }

    [Fact]
    public async Task A_failed_job_can_be_restarted_and_continues_after_its_last_batch()
    {
        var (jobUrl, version) = await StartRescoreAsync();
        var agency = await Api.UserAsync("agency");
        var running = await JobPolling.WaitForAsync(agency.Client, jobUrl, j => Running(j) && Processed(j) >= 1);
        await FailInDatabaseAsync(running["id"]!.GetValue<string>(), "simulated outage");
        var failed = await Expect.StatusAsync(await agency.Client.GetAsync(jobUrl), 200);
        Assert.Equal(("failed", "simulated outage"), (JobPolling.Status(failed), failed["error"]!.GetValue<string>()));

        var restart = await agency.Client.PostAsync($"{jobUrl}/restart", null, null);

        var queued = await Expect.StatusAsync(restart, 202);
        Assert.Equal(jobUrl, restart.Headers.Location?.OriginalString);
        Assert.Equal(("queued", 0), (JobPolling.Status(queued), queued["attempts"]!.GetValue<int>()));
        Assert.Null(queued["error"]);
        Assert.Null(queued["finishedAt"]);
        Assert.True(Processed(queued) >= Processed(running));
        var seen = new List<JsonNode>();
        var job = await JobPolling.WaitForAsync(agency.Client, jobUrl, Ended, seen);
        Assert.True(JobPolling.Status(job) == "succeeded", job.ToJsonString());
        Assert.Equal(job["total"]!.GetValue<int>(), Processed(job));
        Assert.All(seen, j => Assert.True(Processed(j) >= Processed(queued), $"progress went back: {j.ToJsonString()}"));
        await ExpectActiveAsync(agency, version);
    }

    /// <summary>Posts a few needs (so the job has batches to write) and a criteria change; returns its job and the new version.</summary>
    private async Task<(string JobUrl, int Version)> StartRescoreAsync()
    {
        var sme = await Api.UserAsync("sme");
        var smeId = await Create.SmeAsync(sme);
        for (var i = 0; i < NeedsPerTest; i++)
            await Create.NeedAsync(sme, smeId, Bodies.Need(title: $"Need {i}"));
        await Create.PartnerAsync(await Api.UserAsync("partner"));
        var admin = await Api.AdminAsync();
        var read = await admin.Client.GetAsync("/api/v1/criteria");
        var response = await admin.Client.PutAsync("/api/v1/criteria", CriteriaBodies.Valid(minScore: 20), read.ETag());
        var job = await Expect.StatusAsync(response, 202);
        return (response.Headers.Location!.OriginalString, job["criteriaVersion"]!.GetValue<int>());
    }

    /// <summary>What a crash mid-run would leave behind, without needing one.</summary>
    private async Task FailInDatabaseAsync(string jobId, string error)
    {
        await using var connection = await JobPolling.Database(Api).OpenAsync(TestContext.Current.CancellationToken);
        var failed = await connection.ExecuteAsync(
            "UPDATE jobs SET status = 'failed', error = @Error, finished_at = @Now WHERE public_id = @Id AND status IN ('queued', 'running')",
            new { Id = Guid.Parse(jobId), Error = error, Now = DateTime.UtcNow });
        Assert.Equal(1, failed);
    }

    private static async Task ExpectActiveAsync(Actor reader, int version)
    {
        var criteria = await Expect.StatusAsync(await reader.Client.GetAsync("/api/v1/criteria"), 200);
        Assert.Equal((version, "active", version), (criteria["version"]!.GetValue<int>(), criteria["status"]!.GetValue<string>(), criteria["activeVersion"]!.GetValue<int>()));
    }

    private static bool Running(JsonNode job) => JobPolling.Status(job) == "running";

    private static bool Ended(JsonNode job) => JobPolling.Status(job) is "succeeded" or "failed";

    private static int Processed(JsonNode job) => job["processed"]!.GetValue<int>();
}

public sealed class JobRecoveryTestsOnSqlite(SlowJobsSqliteApi api) : JobRecoveryTests<SlowJobsSqliteApi>(api), IClassFixture<SlowJobsSqliteApi>;

public sealed class JobRecoveryTestsOnSqlServer : JobRecoveryTests<SlowJobsSqlServerApi>, IClassFixture<SlowJobsSqlServerApi>
{
    public JobRecoveryTestsOnSqlServer(SlowJobsSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
