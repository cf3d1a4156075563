using System.Text.Json.Nodes;
using Matchmaker.Tests.Features.Matching.Jobs;

namespace Matchmaker.Tests.Features.Matching.Criteria;

public abstract class CriteriaTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    private Task<World> SharedWorldAsync() => Api.SharedAsync(World.CreateAsync);

    [Theory]
    [InlineData("owner")]
    [InlineData("partner")]
    [InlineData("agency")]
    [InlineData("admin")]
    public async Task Every_signed_in_user_reads_the_latest_criteria_with_their_etag(string caller)
    {
        var world = await SharedWorldAsync();

        var response = await world.ClientOf(caller).GetAsync("/api/v1/criteria");

        var body = await Expect.StatusAsync(response, 200);
        var version = body["version"]!.GetValue<int>();
        Assert.Equal($"\"{version}\"", response.ETag());
        Assert.True(version >= 1);
        Assert.Equal(8, body["criteria"]!.AsArray().Count);
        Assert.Contains(body["status"]!.GetValue<string>(), new[] { "active", "pending" });
        Assert.True(body["activeVersion"]!.GetValue<int>() <= version);
        Assert.NotNull(body["createdAt"]);
    }

    [Fact]
    public async Task Anonymous_callers_cannot_read_or_change_the_criteria()
    {
        var anonymous = Api.CreateClient();

        await Expect.ProblemAsync(await anonymous.GetAsync("/api/v1/criteria"), 401);
        await Expect.ProblemAsync(await anonymous.PutAsync("/api/v1/criteria", CriteriaBodies.Valid(), "\"1\""), 401);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("partner")]
    public async Task Smes_and_partners_may_not_change_the_criteria(string caller)
    {
        var world = await SharedWorldAsync();
        var (etag, before) = await LatestAsync(world.Admin);

        var response = await world.ClientOf(caller).PutAsync("/api/v1/criteria", CriteriaBodies.Valid(minScore: 55), etag);

        await Expect.ProblemAsync(response, 403);
        Assert.Equal(before, (await LatestAsync(world.Admin)).Version);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("agency")]
    public async Task Admin_and_agency_store_a_new_pending_version_and_get_its_job(string caller)
    {
        var world = await SharedWorldAsync();
        var client = world.ClientOf(caller);
        var (etag, before) = await LatestAsync(world.Admin);

        var response = await client.PutAsync("/api/v1/criteria", CriteriaBodies.Valid(minScore: 45.5), etag);

        var job = await Expect.StatusAsync(response, 202);
        Assert.Equal($"\"{before + 1}\"", response.ETag());
        Assert.Equal($"/api/v1/jobs/{job["id"]!.GetValue<string>()}", response.Headers.Location?.OriginalString);
        Assert.Equal("rescore", job["kind"]!.GetValue<string>());
        Assert.Equal("queued", job["status"]!.GetValue<string>());
        Assert.Equal(before + 1, job["criteriaVersion"]!.GetValue<int>());
        Assert.Equal(0, job["attempts"]!.GetValue<int>());
        var latest = await Expect.StatusAsync(await client.GetAsync("/api/v1/criteria"), 200);
        Assert.Equal(before + 1, latest["version"]!.GetValue<int>());
        Assert.Equal(45.5m, latest["minScore"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_change_without_if_match_is_428_and_with_a_stale_etag_or_version_412()
    {
        var admin = await Api.AdminAsync();
        var (etag, version) = await LatestAsync(admin);

        await Expect.ProblemAsync(await admin.Client.PutAsync("/api/v1/criteria", CriteriaBodies.Valid(), null), 428);
        await Expect.ProblemAsync(await admin.Client.PutAsync("/api/v1/criteria", CriteriaBodies.Valid(), $"\"{version - 1}\""), 412);
        await Expect.ProblemAsync(await admin.Client.PutAsync("/api/v1/criteria", CriteriaBodies.Valid(), $"\"{version + 1}\""), 412);
        var body = CriteriaBodies.Valid();
        body["version"] = version - 1;
        await Expect.ProblemAsync(await admin.Client.PutAsync("/api/v1/criteria", body, etag), 412);

        Assert.Equal(version, (await LatestAsync(admin)).Version);
    }

    [Fact]
    public async Task A_body_naming_the_current_version_is_accepted()
    {
        var admin = await Api.AdminAsync();
        var (etag, version) = await LatestAsync(admin);
        var body = CriteriaBodies.Valid();
        body["version"] = version;

        var response = await admin.Client.PutAsync("/api/v1/criteria", body, etag);

        Assert.Equal(version + 1, (await Expect.StatusAsync(response, 202))["criteriaVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Two_changes_from_one_read_let_exactly_one_through()
    {
        var admin = await Api.AdminAsync();
        var agency = await Api.UserAsync("agency");
        var (etag, version) = await LatestAsync(admin);

        var responses = await Task.WhenAll(
            admin.Client.PutAsync("/api/v1/criteria", CriteriaBodies.Valid(minScore: 41), etag),
            agency.Client.PutAsync("/api/v1/criteria", CriteriaBodies.Valid(minScore: 42), etag));

        Assert.Equal([202, 412], responses.Select(r => (int)r.StatusCode).Order());
        Assert.Equal(version + 1, (await LatestAsync(admin)).Version);
    }

    [Fact]
    public async Task The_rescore_job_reports_progress_and_activates_the_new_version()
    {
        var world = await SharedWorldAsync();
        var admin = world.Admin;
        var (etag, version) = await LatestAsync(admin);
        var body = CriteriaBodies.Valid(minScore: 30, maxPerNeed: 50, maxPerPartner: 60);
        body["criteria"]![1]!["enabled"] = false;

        var response = await admin.Client.PutAsync("/api/v1/criteria", body, etag);

        await Expect.StatusAsync(response, 202);
        var jobUrl = response.Headers.Location!.OriginalString;
        var seen = new List<JsonNode>();
        var job = await JobPolling.WaitForAsync(admin.Client, jobUrl, j => JobPolling.Status(j) is "succeeded" or "failed", seen);
        Assert.True(JobPolling.Status(job) == "succeeded", job.ToJsonString());
        Assert.True(job["total"]!.GetValue<int>() >= 1, "the world holds at least one open need");
        Assert.Equal(job["total"]!.GetValue<int>(), job["processed"]!.GetValue<int>());
        Assert.Equal(1, job["attempts"]!.GetValue<int>());
        Assert.Null(job["error"]);
        Assert.True(job["finishedAt"]!.GetValue<DateTime>() >= job["startedAt"]!.GetValue<DateTime>());
        Assert.All(seen, j => Assert.Contains(JobPolling.Status(j), new[] { "queued", "running", "succeeded" }));

        var criteria = await admin.Client.GetAsync("/api/v1/criteria");
        var latest = await Expect.StatusAsync(criteria, 200);
        Assert.Equal(version + 1, latest["version"]!.GetValue<int>());
        Assert.Equal("active", latest["status"]!.GetValue<string>());
        Assert.Equal(version + 1, latest["activeVersion"]!.GetValue<int>());
        Assert.NotNull(latest["activatedAt"]);
        Assert.Equal(30, latest["minScore"]!.GetValue<decimal>());
        Assert.Equal(50, latest["maxPerNeed"]!.GetValue<int>());
        Assert.Equal(60, latest["maxPerPartner"]!.GetValue<int>());
        Assert.False(latest["criteria"]![1]!["enabled"]!.GetValue<bool>());
        Assert.Equal($"\"{version + 1}\"", criteria.ETag());
    }

    [Fact]
    public async Task Criteria_sent_in_any_order_come_back_in_the_documented_order()
    {
        var admin = await Api.AdminAsync();
        var (etag, _) = await LatestAsync(admin);
        var body = CriteriaBodies.Valid();
        var reversed = body["criteria"]!.AsArray().Reverse().Select(c => c!.DeepClone()).ToArray();
        body["criteria"] = new JsonArray(reversed);

        await Expect.StatusAsync(await admin.Client.PutAsync("/api/v1/criteria", body, etag), 202);

        var latest = await Expect.StatusAsync(await admin.Client.GetAsync("/api/v1/criteria"), 200);
        Assert.Equal(CriteriaBodies.Defaults.Select(d => d.Key), latest["criteria"]!.AsArray().Select(c => c!["key"]!.GetValue<string>()));
    }

    private static async Task<(string ETag, int Version)> LatestAsync(Actor reader)
    {
        var response = await reader.Client.GetAsync("/api/v1/criteria");
        var body = await Expect.StatusAsync(response, 200);
        return (response.ETag(), body["version"]!.GetValue<int>());
    }
}

public sealed class CriteriaTestsOnSqlite(SqliteApi api) : CriteriaTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class CriteriaTestsOnSqlServer : CriteriaTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public CriteriaTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
