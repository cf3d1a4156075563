using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Notifications;

namespace Matchmaker.Api.Features.Matching.Jobs;

/// <summary>
/// Runs queued re-score jobs, one at a time per instance. It wakes on <see cref="JobSignal"/> or
/// every <c>Jobs:PollSeconds</c>, claims the oldest claimable job through the database, writes it
/// in batches that commit their progress with the data, and activates the version at the end.
/// Stopping the host leaves the job running with its progress; once its heartbeat is stale, the
/// next runner to look (here after a restart, or another instance) resumes it.
/// </summary>
internal sealed class JobRunner(
    ConnectionFactory db, SqlDialect dialect, IFullRescore fullRescore, JobSignal signal, Notifier notifier, IConfiguration configuration, TimeProvider clock,
    ILogger<JobRunner> logger) : BackgroundService
{
    private readonly JobOptions options = JobOptions.From(configuration);

    /// <summary>Who holds a claim: unique per runner, readable in the jobs table.</summary>
    public string Me { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    while (await RunNextAsync(stoppingToken))
                    {
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Looking for jobs failed; trying again in {Seconds} s", options.Poll.TotalSeconds);
                }

                await signal.WaitAsync(options.Poll, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Claims the oldest claimable job and runs it to an end or until stopped.</summary>
    /// <returns>false when there was nothing to claim.</returns>
    internal async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        var job = await ClaimNextAsync(stoppingToken);
        if (job is null)
            return false;
        await RunAsync(job, stoppingToken);
        return true;
    }

    private async Task<JobRow?> ClaimNextAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        while (true)
        {
            var now = Now();
            var staleBefore = now - options.Stale;
            if (await JobStore.NextClaimableAsync(dialect, connection, staleBefore, ct) is not { } candidate)
                return null;
            if (candidate.Attempts >= options.MaxAttempts)
            {
                if (await JobStore.GiveUpAsync(connection, candidate.Id, now, staleBefore, options.MaxAttempts, ct) == 1)
                    logger.LogWarning("Gave up on job {Id} after {Attempts} attempts", candidate.Id, candidate.Attempts);
            }
            else if (await JobStore.TryClaimAsync(connection, candidate.Id, Me, now, staleBefore, options.MaxAttempts, ct))
                return await JobStore.FindAsync(connection, candidate.Id, ct);
        }
    }

    private async Task RunAsync(JobRow job, CancellationToken stoppingToken)
    {
        logger.LogInformation("Running job {JobId} (attempt {Attempt}), re-scoring with criteria version {Version} after need {ResumeAfter}",
            job.PublicId, job.Attempts, job.CriteriaVersion, job.ResumeAfter);
        using var claim = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = HeartbeatAsync(job.Id, claim);
        try
        {
            await RescoreAsync(job, claim.Token);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Stopping: job {JobId} stays running with its progress and resumes once its claim is stale", job.PublicId);
        }
        catch (Exception e) when (e is LostClaimException || claim.IsCancellationRequested)
        {
            logger.LogWarning("Job {JobId} stopped: it was superseded or another runner took it over", job.PublicId);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {JobId} failed", job.PublicId);
            await using var connection = await db.OpenAsync(CancellationToken.None);
            await JobStore.FailedAsync(connection, job.Id, Me, e.Message, Now(), CancellationToken.None);
        }
        finally
        {
            await claim.CancelAsync();
            await heartbeat;
        }
    }

    private async Task RescoreAsync(JobRow job, CancellationToken ct)
    {
        var version = job.CriteriaVersion ?? throw new InvalidOperationException($"Job {job.PublicId} has no criteria version to re-score with.");
        await using (var connection = await db.OpenAsync(ct))
        {
            var latest = await ProfileStore.LatestVersionAsync(connection, null, ct);
            if (latest > version)
            {
                await JobStore.FailedAsync(connection, job.Id, Me, JobStore.SupersededBy(latest), Now(), ct);
                logger.LogInformation("Job {JobId} was superseded by criteria version {Latest}", job.PublicId, latest);
                return;
            }
        }

        var run = await fullRescore.StartAsync(version, ct);
        var after = job.ResumeAfter;
        await using (var connection = await db.OpenAsync(ct))
            Claimed(await JobStore.StartedAsync(connection, job.Id, Me, run.Total, run.CountUpTo(after), Now(), ct));

        while (await run.WriteNextBatchAsync(after, options.BatchSize, Progress, ct) is { } last)
        {
            after = last;
            if (options.BatchPause > TimeSpan.Zero)
                await Task.Delay(options.BatchPause, clock, ct);
            ct.ThrowIfCancellationRequested();
        }

        await run.ActivateAsync(async (connection, tx) =>
        {
            Claimed(await JobStore.SucceededAsync(connection, tx, job.Id, Me, Now(), ct));
            await SuggestionNotices.AnnounceCreatedSinceAsync(notifier, connection, tx, job.CreatedAt, version, Now(), ct);
            await notifier.PublishAsync(connection, tx, [Webhooks.EventsOf.JobCompleted(job.PublicId, job.Kind, version, JobStatus.Succeeded, Now())], Now(), ct);
        }, ct);
        logger.LogInformation("Job {JobId} succeeded: criteria version {Version} is active", job.PublicId, version);

        async Task Progress(DbConnection connection, DbTransaction tx, long lastNeedId, int _) =>
            Claimed(await JobStore.ProgressAsync(connection, tx, job.Id, Me, run.CountUpTo(lastNeedId), lastNeedId, Now(), ct));
    }

    /// <summary>Keeps the claim fresh while a long step runs; cancels the run when the claim is gone.</summary>
    private async Task HeartbeatAsync(long jobId, CancellationTokenSource claim)
    {
        using var timer = new PeriodicTimer(options.Heartbeat, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(claim.Token))
            {
                try
                {
                    await using var connection = await db.OpenAsync(claim.Token);
                    if (await JobStore.HeartbeatAsync(connection, jobId, Me, Now(), claim.Token) == 0)
                    {
                        await claim.CancelAsync();
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Heartbeat for job {JobId} failed", jobId);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>An update guarded by the claim touched no row: the job was superseded or taken over.</summary>
    private static void Claimed(int rows)
    {
        if (rows == 0)
            throw new LostClaimException();
    }

    private sealed class LostClaimException() : Exception("This runner no longer holds the job's claim.");
}
