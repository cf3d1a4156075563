using Dapper;
using Matchmaker.Api.Features.Matching.Jobs;
using Matchmaker.Api.Features.Notifications;
using Matchmaker.Api.Features.Notifications.Email;
using Matchmaker.Api.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matchmaker.Tests.Features.Matching.Jobs;

/// <summary>The runner against a migrated SQLite database and a stand-in re-score: claiming, progress, resuming, failing.</summary>
public sealed class JobRunnerTests : IAsyncLifetime
{
    private static readonly long[] Needs = [10, 20, 30, 40, 50];

    private readonly string directory = Path.Combine(Path.GetTempPath(), "matchmaker-runner-tests", Guid.NewGuid().ToString("N"));
    private ConnectionFactory db = null!;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        var options = DatabaseOptions.From(Settings(new()
        {
            ["ConnectionStrings:Matchmaker"] = $"Data Source={Path.Combine(directory, "jobs.db")}",
        }), directory);
        Migrator.Migrate(options, NullLogger.Instance);
        db = new ConnectionFactory(options);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_queued_job_is_written_in_batches_and_activates_its_version()
    {
        await AddVersionAsync(2);
        var id = await AddJobAsync(2);
        var fake = new FakeRescore(db, Needs);

        Assert.True(await Runner(fake).RunNextAsync(TestContext.Current.CancellationToken));

        Assert.Equal([0L, 20, 40, 50], fake.BatchesAfter);
        Assert.True(fake.Activated);
        var job = await JobAsync(id);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal((5, 5, 50L, 1), (job.Processed, job.Total, job.ResumeAfter, job.Attempts));
        Assert.NotNull(job.StartedAt);
        Assert.NotNull(job.FinishedAt);
        Assert.Null(job.Error);
    }

    [Fact]
    public async Task With_nothing_to_claim_the_runner_reports_no_work()
    {
        Assert.False(await Runner(new FakeRescore(db, Needs)).RunNextAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_stale_running_job_is_claimed_again_and_resumes_after_its_last_batch()
    {
        await AddVersionAsync(2);
        var id = await AddJobAsync(2, JobStatus.Running, resumeAfter: 20, processed: 2, attempts: 1, heartbeat: DateTime.UtcNow.AddMinutes(-5), claimedBy: "gone/1/dead");
        var fake = new FakeRescore(db, Needs);

        Assert.True(await Runner(fake).RunNextAsync(TestContext.Current.CancellationToken));

        Assert.Equal(20, fake.BatchesAfter.First());
        var job = await JobAsync(id);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(2, job.Attempts);
    }

    [Fact]
    public async Task A_running_job_with_a_fresh_heartbeat_is_left_to_its_runner()
    {
        await AddVersionAsync(2);
        var id = await AddJobAsync(2, JobStatus.Running, attempts: 1, heartbeat: DateTime.UtcNow, claimedBy: "busy/1/alive");
        var fake = new FakeRescore(db, Needs);

        Assert.False(await Runner(fake).RunNextAsync(TestContext.Current.CancellationToken));

        Assert.Empty(fake.Started);
        Assert.Equal("busy/1/alive", (await JobAsync(id)).ClaimedBy);
    }

    [Fact]
    public async Task A_job_that_used_up_its_attempts_is_failed_instead_of_claimed()
    {
        await AddVersionAsync(2);
        var id = await AddJobAsync(2, JobStatus.Running, attempts: 3, heartbeat: DateTime.UtcNow.AddMinutes(-5), claimedBy: "gone/1/dead");
        var fake = new FakeRescore(db, Needs);

        Assert.False(await Runner(fake).RunNextAsync(TestContext.Current.CancellationToken));

        Assert.Empty(fake.Started);
        var job = await JobAsync(id);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal("gave up after 3 attempts", job.Error);
        Assert.NotNull(job.FinishedAt);
    }

    [Fact]
    public async Task A_failing_run_fails_the_job_with_the_message_cut_to_2000_characters_and_keeps_its_progress()
    {
        await AddVersionAsync(2);
        var id = await AddJobAsync(2);
        var fake = new FakeRescore(db, Needs)
        {
            BeforeBatch = (n, _) => n == 2 ? throw new InvalidOperationException(new string('x', 5000)) : Task.CompletedTask,
        };

        Assert.True(await Runner(fake).RunNextAsync(TestContext.Current.CancellationToken));

        var job = await JobAsync(id);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(new string('x', 2000), job.Error);
        Assert.NotNull(job.FinishedAt);
        Assert.Equal((2, 20L), (job.Processed, job.ResumeAfter));
        Assert.False(fake.Activated);
    }

    [Fact]
    public async Task A_job_whose_version_was_superseded_is_failed_without_running()
    {
        await AddVersionAsync(2);
        await AddVersionAsync(3);
        var id = await AddJobAsync(2);
        var fake = new FakeRescore(db, Needs);

        Assert.True(await Runner(fake).RunNextAsync(TestContext.Current.CancellationToken));

        Assert.Empty(fake.Started);
        var job = await JobAsync(id);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal("superseded by version 3", job.Error);
    }

    [Fact]
    public async Task A_job_superseded_midway_stops_without_activating_and_keeps_the_reason()
    {
        await AddVersionAsync(2);
        var id = await AddJobAsync(2);
        var fake = new FakeRescore(db, Needs);
        fake.BeforeBatch = async (n, ct) =>
        {
            if (n != 2)
                return;
            await AddVersionAsync(3);
            await using var connection = await db.OpenAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await JobStore.SupersedeAsync(connection, tx, 3, DateTime.UtcNow, ct);
            await tx.CommitAsync(ct);
        };

        Assert.True(await Runner(fake).RunNextAsync(TestContext.Current.CancellationToken));

        Assert.False(fake.Activated);
        var job = await JobAsync(id);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal("superseded by version 3", job.Error);
        Assert.Equal(20, job.ResumeAfter);
    }

    [Fact]
    public async Task Stopping_leaves_the_job_running_with_the_progress_of_its_last_batch()
    {
        await AddVersionAsync(2);
        var id = await AddJobAsync(2);
        using var stopping = new CancellationTokenSource();
        var fake = new FakeRescore(db, Needs)
        {
            BeforeBatch = async (n, ct) =>
            {
                if (n != 3)
                    return;
                await stopping.CancelAsync();
                ct.ThrowIfCancellationRequested();
            },
        };

        Assert.True(await Runner(fake).RunNextAsync(stopping.Token));

        var job = await JobAsync(id);
        Assert.Equal(JobStatus.Running, job.Status);
        Assert.Equal((4, 40L), (job.Processed, job.ResumeAfter));
        Assert.Null(job.FinishedAt);
        Assert.False(fake.Activated);
    }

    [Fact]
    public async Task Two_runners_racing_for_one_job_run_it_once()
    {
        await AddVersionAsync(2);
        var id = await AddJobAsync(2);
        var fake = new FakeRescore(db, Needs);
        var first = Runner(fake);
        var second = Runner(fake);

        var ran = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? first : second).RunNextAsync(TestContext.Current.CancellationToken)));

        Assert.Equal(1, ran.Count(r => r));
        Assert.Single(fake.Started);
        var job = await JobAsync(id);
        Assert.Equal((JobStatus.Succeeded, 1), (job.Status, job.Attempts));
    }

    [Fact]
    public async Task Of_many_concurrent_claims_on_one_job_exactly_one_wins()
    {
        await AddVersionAsync(2);
        var id = await AddJobAsync(2);
        var now = DateTime.UtcNow;

        var wins = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var connection = await db.OpenAsync(TestContext.Current.CancellationToken);
            return await JobStore.TryClaimAsync(connection, id, $"runner-{i}", now, now.AddSeconds(-60), 3, TestContext.Current.CancellationToken) ? i : -1;
        }));

        var winner = Assert.Single(wins, w => w >= 0);
        var job = await JobAsync(id);
        Assert.Equal((JobStatus.Running, $"runner-{winner}", 1), (job.Status, job.ClaimedBy, job.Attempts));
    }

    [Fact]
    public async Task The_signal_wakes_a_waiting_runner_before_its_poll_interval()
    {
        var signal = new JobSignal();
        var waiting = signal.WaitAsync(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);

        signal.Wake();

        Assert.Same(waiting, await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)));
        await signal.WaitAsync(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
    }

    [Fact]
    public void The_jobs_settings_have_defaults_and_refuse_nonsense()
    {
        var defaults = JobOptions.From(Settings(new()));
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), 200, 3, TimeSpan.FromSeconds(10)),
            (defaults.Poll, defaults.Stale, defaults.BatchSize, defaults.MaxAttempts, defaults.Heartbeat));

        var quick = JobOptions.From(Settings(new() { ["Jobs:StaleSeconds"] = "3" }));
        Assert.Equal(TimeSpan.FromSeconds(1), quick.Heartbeat);

        Assert.Throws<InvalidOperationException>(() => JobOptions.From(Settings(new() { ["Jobs:BatchSize"] = "0" })));
    }

    private JobRunner Runner(FakeRescore fake) =>
        new(db, new SqlDialect(DatabaseProvider.Sqlite), fake, new JobSignal(), new Notifier(EmailOptions.From(Settings([]))),
            Settings(new() { ["Jobs:BatchSize"] = "2", ["Jobs:StaleSeconds"] = "60" }), TimeProvider.System, NullLogger<JobRunner>.Instance);

    private static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private async Task AddVersionAsync(int version)
    {
        await using var connection = await db.OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO scoring_profiles (version, min_score, max_per_need, max_per_partner, created_at, activated_at)
            SELECT @Version, min_score, max_per_need, max_per_partner, @Now, NULL FROM scoring_profiles WHERE version = 1;
            INSERT INTO scoring_criteria (version, criterion_key, position, weight, is_required, is_enabled)
            SELECT @Version, criterion_key, position, weight, is_required, is_enabled FROM scoring_criteria WHERE version = 1;
            """, new { Version = version, Now = DateTime.UtcNow });
    }

    private async Task<long> AddJobAsync(int version, string status = JobStatus.Queued, long resumeAfter = 0, int processed = 0, int attempts = 0, DateTime? heartbeat = null, string? claimedBy = null)
    {
        await using var connection = await db.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO jobs (public_id, kind, status, criteria_version, processed, total, resume_after, attempts, claimed_by, heartbeat_at, created_at)
            VALUES (@PublicId, 'rescore', @Status, @Version, @Processed, 5, @ResumeAfter, @Attempts, @ClaimedBy, @Heartbeat, @Now);
            SELECT last_insert_rowid();
            """, new { PublicId = Guid.NewGuid(), Status = status, Version = version, Processed = processed, ResumeAfter = resumeAfter, Attempts = attempts, ClaimedBy = claimedBy, Heartbeat = heartbeat, Now = DateTime.UtcNow });
    }

    private async Task<JobRow> JobAsync(long id)
    {
        await using var connection = await db.OpenAsync(TestContext.Current.CancellationToken);
        return (await JobStore.FindAsync(connection, id, TestContext.Current.CancellationToken))!;
    }
}
