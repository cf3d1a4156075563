namespace Matchmaker.Api.Features.Matching.Jobs;

internal sealed record JobRow
{
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public string Kind { get; init; } = "";
    public string Status { get; init; } = "";
    public int? CriteriaVersion { get; init; }
    public int Processed { get; init; }
    public int Total { get; init; }
    public long ResumeAfter { get; init; }
    public int Attempts { get; init; }
    public string? ClaimedBy { get; init; }
    public DateTime? HeartbeatAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? FinishedAt { get; init; }
    public string? Error { get; init; }
}

internal sealed record ClaimableJob
{
    public long Id { get; init; }
    public int Attempts { get; init; }
}

internal static class JobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

internal static class JobKinds
{
    public const string Rescore = "rescore";
}

/// <summary>
/// The jobs table is the queue: a runner claims a job with one conditional UPDATE, so of several
/// API instances exactly one runs it; a running job whose heartbeat went stale is up for grabs again.
/// </summary>
internal static class JobStore
{
    public const int MaxErrorLength = 2000;

    private const string SelectColumns = """
        id AS Id, public_id AS PublicId, kind AS Kind, status AS Status, criteria_version AS CriteriaVersion,
        processed AS Processed, total AS Total, resume_after AS ResumeAfter, attempts AS Attempts, claimed_by AS ClaimedBy,
        heartbeat_at AS HeartbeatAt, created_at AS CreatedAt, started_at AS StartedAt, finished_at AS FinishedAt, error AS Error
        """;

    private const string Claimable = "(status = 'queued' OR (status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < @StaleBefore)))";

    private const string FindSql = "SELECT " + SelectColumns + " FROM jobs WHERE public_id = @PublicId";

    private const string FindByIdSql = "SELECT " + SelectColumns + " FROM jobs WHERE id = @Id";

    private const string InsertSql = """
        INSERT INTO jobs (public_id, kind, status, criteria_version, processed, total, resume_after, attempts, created_by, created_at)
        VALUES (@PublicId, @Kind, 'queued', @CriteriaVersion, 0, 0, 0, 0, @CreatedBy, @Now)
        """;

    private const string SupersedeSql = """
        UPDATE jobs SET status = 'failed', error = @Error, finished_at = @Now
        WHERE kind = 'rescore' AND status IN ('queued', 'running') AND criteria_version < @Version
        """;

    private const string NextClaimableSql = "SELECT /**top**/ id AS Id, attempts AS Attempts FROM jobs WHERE " + Claimable + " ORDER BY id /**limit**/";

    private const string GiveUpSql = "UPDATE jobs SET status = 'failed', error = @Error, finished_at = @Now WHERE id = @Id AND attempts >= @MaxAttempts AND " + Claimable;

    private const string ClaimSql =
        "UPDATE jobs SET status = 'running', claimed_by = @Me, heartbeat_at = @Now, started_at = COALESCE(started_at, @Now), attempts = attempts + 1 "
        + "WHERE id = @Id AND attempts < @MaxAttempts AND " + Claimable;

    private const string StartedSql = """
        UPDATE jobs SET total = @Total, processed = @Processed, heartbeat_at = @Now
        WHERE id = @Id AND claimed_by = @Me AND status = 'running'
        """;

    private const string ProgressSql = """
        UPDATE jobs SET processed = @Processed, resume_after = @ResumeAfter, heartbeat_at = @Now
        WHERE id = @Id AND claimed_by = @Me AND status = 'running'
        """;

    private const string BacklogSql = """
        SELECT (SELECT COUNT(*) FROM jobs WHERE status IN ('queued', 'running')) AS Waiting,
               (SELECT SUM(processed) FROM jobs WHERE status = 'running') AS Processed,
               (SELECT SUM(total) FROM jobs WHERE status = 'running') AS Total
        """;

    private const string HeartbeatSql = "UPDATE jobs SET heartbeat_at = @Now WHERE id = @Id AND claimed_by = @Me AND status = 'running'";

    private const string SucceededSql = """
        UPDATE jobs SET status = 'succeeded', processed = total, heartbeat_at = @Now, finished_at = @Now, error = NULL
        WHERE id = @Id AND claimed_by = @Me AND status = 'running'
        """;

    private const string FailedSql = """
        UPDATE jobs SET status = 'failed', error = @Error, finished_at = @Now
        WHERE id = @Id AND claimed_by = @Me AND status = 'running'
        """;

    private const string RestartSql = """
        UPDATE jobs SET status = 'queued', attempts = 0, claimed_by = NULL, heartbeat_at = NULL, finished_at = NULL, error = NULL
        WHERE id = @Id AND status = 'failed' AND kind = 'rescore'
          AND criteria_version = (SELECT MAX(p.version) FROM scoring_profiles p)
        """;

    /// <summary>Jobs queued or running, and how far the running ones are.</summary>
    public static Task<JobBacklog> BacklogAsync(DbConnection connection, CancellationToken ct) =>
        connection.QuerySingleAsync<JobBacklog>(new CommandDefinition(BacklogSql, cancellationToken: ct));

    public static Task<JobRow?> FindAsync(DbConnection connection, Guid publicId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(FindSql, new { PublicId = publicId }, cancellationToken: ct));

    public static Task<JobRow?> FindAsync(DbConnection connection, long id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(FindByIdSql, new { Id = id }, cancellationToken: ct));

    public static async Task<JobRow> InsertRescoreAsync(DbConnection connection, DbTransaction tx, int version, Guid? createdBy, DateTime now, CancellationToken ct)
    {
        var publicId = Guid.NewGuid();
        await connection.ExecuteAsync(new CommandDefinition(InsertSql,
            new { PublicId = publicId, Kind = JobKinds.Rescore, CriteriaVersion = version, CreatedBy = createdBy, Now = now }, tx, cancellationToken: ct));
        return (await connection.QuerySingleAsync<JobRow>(new CommandDefinition(FindSql, new { PublicId = publicId }, tx, cancellationToken: ct)));
    }

    /// <summary>Fails the queued or running re-scores of older versions: only the newest version is worth building.</summary>
    public static Task<int> SupersedeAsync(DbConnection connection, DbTransaction tx, int newVersion, DateTime now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(SupersedeSql,
            new { Version = newVersion, Error = SupersededBy(newVersion), Now = now }, tx, cancellationToken: ct));

    public static string SupersededBy(int version) => $"superseded by version {version}";

    /// <summary>The oldest job a runner may take: queued, or running with a stale heartbeat.</summary>
    public static Task<ClaimableJob?> NextClaimableAsync(SqlDialect dialect, DbConnection connection, DateTime staleBefore, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<ClaimableJob>(new CommandDefinition(dialect.Render(NextClaimableSql),
            new { StaleBefore = staleBefore, Take = 1 }, cancellationToken: ct));

    /// <summary>Fails a claimable job that already had <paramref name="maxAttempts"/> tries instead of trying again.</summary>
    public static Task<int> GiveUpAsync(DbConnection connection, long id, DateTime now, DateTime staleBefore, int maxAttempts, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(GiveUpSql,
            new { Id = id, Now = now, StaleBefore = staleBefore, MaxAttempts = maxAttempts, Error = $"gave up after {maxAttempts} attempts" }, cancellationToken: ct));

    /// <returns>true when this caller now owns the job; false when another runner got it first.</returns>
    public static async Task<bool> TryClaimAsync(DbConnection connection, long id, string me, DateTime now, DateTime staleBefore, int maxAttempts, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(ClaimSql,
            new { Id = id, Me = me, Now = now, StaleBefore = staleBefore, MaxAttempts = maxAttempts }, cancellationToken: ct)) == 1;

    public static Task<int> StartedAsync(DbConnection connection, long id, string me, int total, int processed, DateTime now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(StartedSql,
            new { Id = id, Me = me, Total = total, Processed = processed, Now = now }, cancellationToken: ct));

    public static Task<int> ProgressAsync(DbConnection connection, DbTransaction tx, long id, string me, int processed, long resumeAfter, DateTime now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(ProgressSql,
            new { Id = id, Me = me, Processed = processed, ResumeAfter = resumeAfter, Now = now }, tx, cancellationToken: ct));

    public static Task<int> HeartbeatAsync(DbConnection connection, long id, string me, DateTime now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(HeartbeatSql, new { Id = id, Me = me, Now = now }, cancellationToken: ct));

    public static Task<int> SucceededAsync(DbConnection connection, DbTransaction tx, long id, string me, DateTime now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(SucceededSql, new { Id = id, Me = me, Now = now }, tx, cancellationToken: ct));

    public static Task<int> FailedAsync(DbConnection connection, long id, string me, string error, DateTime now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(FailedSql,
            new { Id = id, Me = me, Error = Truncate(error), Now = now }, cancellationToken: ct));

    /// <returns>true when the job went back to the queue; false when it is not a failed re-score of the latest version.</returns>
    public static async Task<bool> RestartAsync(DbConnection connection, DbTransaction tx, long id, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(RestartSql, new { Id = id }, tx, cancellationToken: ct)) == 1;

    public static string Truncate(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
}

internal sealed record JobBacklog
{
    public int Waiting { get; init; }
    public long? Processed { get; init; }
    public long? Total { get; init; }
}
