using Dapper;
using Matchmaker.Api.Features.Matching.Jobs;
using Matchmaker.Tests.Features.Matching.Criteria;

namespace Matchmaker.Tests.Features.Matching.Jobs;

public abstract class JobTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    /// <summary>One cast and one finished re-score job for the access tests of this class.</summary>
    private sealed record FinishedJob(World World, string JobUrl);

    private Task<FinishedJob> SharedJobAsync() => Api.SharedAsync(async fixture =>
    {
        var world = await World.CreateAsync(fixture);
        var read = await world.Admin.Client.GetAsync("/api/v1/criteria");
        var response = await world.Admin.Client.PutAsync("/api/v1/criteria", CriteriaBodies.Valid(minScore: 35), read.ETag());
        await Expect.StatusAsync(response, 202);
        var jobUrl = response.Headers.Location!.OriginalString;
        await JobPolling.WaitForStatusAsync(world.Admin.Client, jobUrl, "succeeded");
        return new FinishedJob(world, jobUrl);
    });

    [Theory]
    [InlineData("admin")]
    [InlineData("agency")]
    public async Task Admin_and_agency_read_a_job(string caller)
    {
        var (world, jobUrl) = await SharedJobAsync();

        var job = await Expect.StatusAsync(await world.ClientOf(caller).GetAsync(jobUrl), 200);

        Assert.Equal(jobUrl, $"/api/v1/jobs/{job["id"]!.GetValue<string>()}");
        Assert.Equal("rescore", job["kind"]!.GetValue<string>());
        Assert.Equal("succeeded", job["status"]!.GetValue<string>());
        Assert.True(job["criteriaVersion"]!.GetValue<int>() >= 2);
        Assert.Equal(job["total"]!.GetValue<int>(), job["processed"]!.GetValue<int>());
        Assert.NotNull(job["startedAt"]);
        Assert.NotNull(job["finishedAt"]);
        Assert.Null(job["error"]);
        Assert.Equal(1, job["attempts"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("owner", 403)]
    [InlineData("partner", 403)]
    [InlineData("anonymous", 401)]
    public async Task Others_may_neither_read_nor_restart_a_job(string caller, int status)
    {
        var (world, jobUrl) = await SharedJobAsync();

        await Expect.ProblemAsync(await world.ClientOf(caller).GetAsync(jobUrl), status);
        await Expect.ProblemAsync(await world.ClientOf(caller).PostAsync($"{jobUrl}/restart", null, null), status);
    }

    [Fact]
    public async Task An_unknown_job_is_404()
    {
        var (world, _) = await SharedJobAsync();

        await Expect.ProblemAsync(await world.Admin.Client.GetAsync($"/api/v1/jobs/{Guid.NewGuid()}"), 404);
        await Expect.ProblemAsync(await world.Agency.Client.PostAsync($"/api/v1/jobs/{Guid.NewGuid()}/restart", null, null), 404);
    }

    [Fact]
    public async Task A_job_that_did_not_fail_cannot_be_restarted()
    {
        var (world, jobUrl) = await SharedJobAsync();

        await Expect.ProblemAsync(await world.Admin.Client.PostAsync($"{jobUrl}/restart", null, null), 409);
        Assert.Equal("succeeded", JobPolling.Status(await Expect.StatusAsync(await world.Admin.Client.GetAsync(jobUrl), 200)));
    }

    [Fact]
    public async Task The_criteria_and_job_routes_are_documented()
    {
        var doc = await Expect.StatusAsync(await Api.CreateClient().GetAsync("/openapi/v1.json"), 200);
        var paths = doc["paths"]!.AsObject();

        Assert.NotNull(paths["/api/v1/criteria"]?["get"]);
        Assert.NotNull(paths["/api/v1/criteria"]?["put"]?["responses"]?["202"]);
        Assert.NotNull(paths["/api/v1/jobs/{id}"]?["get"]);
        Assert.NotNull(paths["/api/v1/jobs/{id}/restart"]?["post"]);
    }

    [Fact]
    public async Task Of_runners_racing_to_claim_one_job_exactly_one_wins()
    {
        var db = JobPolling.Database(Api);
        var now = DateTime.UtcNow;
        long id;
        await using (var connection = await db.OpenAsync(TestContext.Current.CancellationToken))
        {
            // The racers live three hours ahead, so the job is stale for them but never for the app's own runner.
            var publicId = Guid.NewGuid();
            await connection.ExecuteAsync("""
                INSERT INTO jobs (public_id, kind, status, criteria_version, processed, total, resume_after, attempts, claimed_by, heartbeat_at, created_at)
                VALUES (@PublicId, 'rescore', 'running', 1, 0, 0, 0, 0, 'elsewhere', @Heartbeat, @Now)
                """, new { PublicId = publicId, Heartbeat = now.AddHours(1), Now = now });
            id = await connection.ExecuteScalarAsync<long>("SELECT id FROM jobs WHERE public_id = @PublicId", new { PublicId = publicId });
        }

        try
        {
            var wins = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
            {
                await using var connection = await db.OpenAsync(TestContext.Current.CancellationToken);
                var racersNow = now.AddHours(3);
                return await JobStore.TryClaimAsync(connection, id, $"racer-{i}", racersNow, racersNow.AddSeconds(-60), 3, TestContext.Current.CancellationToken) ? i : -1;
            }));

            var winner = Assert.Single(wins, w => w >= 0);
            await using var connection = await db.OpenAsync(TestContext.Current.CancellationToken);
            var job = (await JobStore.FindAsync(connection, id, TestContext.Current.CancellationToken))!;
            Assert.Equal(("running", $"racer-{winner}", 1), (job.Status, job.ClaimedBy, job.Attempts));
        }
        finally
        {
            // No runner will ever finish the planted job: it would hold up every check that waits for the jobs to end.
            await using var connection = await db.OpenAsync(TestContext.Current.CancellationToken);
            await connection.ExecuteAsync("DELETE FROM jobs WHERE id = @Id", new { Id = id });
        }
    }
}

public sealed class JobTestsOnSqlite(SqliteApi api) : JobTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class JobTestsOnSqlServer : JobTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public JobTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
