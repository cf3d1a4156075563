namespace Matchmaker.Api.Features.Needs;

/// <summary>
/// The writes of a need's lifetime: renewal, the expiry times of needs older than expiry, and the claims of
/// the expiry sweep and the reminders. A claim is an UPDATE guarded by the state it changes, so of two
/// instances claiming one need in their own transactions exactly one changes a row.
/// </summary>
internal static partial class NeedStore
{
    private const string RenewSql = """
        UPDATE needs
        SET expires_at = @ExpiresAt, expiry_swept_at = NULL, reminded_at = NULL, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status = 'open'
        """;

    private const string WithoutExpirySql = "SELECT /**top**/ id AS Id, created_at AS CreatedAt FROM needs WHERE expires_at IS NULL ORDER BY id /**limit**/";

    private const string SetExpirySql = "UPDATE needs SET expires_at = @ExpiresAt WHERE id = @Id AND expires_at IS NULL";

    private const string DueForSweepSql = """
        SELECT /**top**/ id FROM needs
        WHERE status = 'open' AND expiry_swept_at IS NULL AND expires_at <= @Now
        ORDER BY expires_at, id
        /**limit**/
        """;

    private const string SweepBacklogSql = """
        SELECT COUNT(*) AS Unswept, MIN(expires_at) AS OldestExpiredAt FROM needs
        WHERE status = 'open' AND expiry_swept_at IS NULL AND expires_at <= @Now
        """;

    private const string ClaimSweepSql = """
        UPDATE needs SET expiry_swept_at = @Now
        WHERE id = @Id AND status = 'open' AND expiry_swept_at IS NULL AND expires_at <= @Now
        """;

    private const string DueForReminderSql = """
        SELECT /**top**/ id FROM needs
        WHERE status = 'open' AND reminded_at IS NULL AND expires_at <= @Horizon AND expires_at > @Now
        ORDER BY expires_at, id
        /**limit**/
        """;

    private const string ClaimReminderSql = """
        UPDATE needs SET reminded_at = @Now
        WHERE id = @Id AND status = 'open' AND reminded_at IS NULL AND expires_at <= @Horizon AND expires_at > @Now
        """;

    /// <summary>Opens an open or expired need again until <paramref name="expiresAt"/>; false when it is closed.</summary>
    public static async Task<bool> RenewAsync(DbConnection connection, DbTransaction tx, long id, DateTime expiresAt, DateTime now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(RenewSql, new { Id = id, ExpiresAt = expiresAt, Now = now }, tx, cancellationToken: ct)) > 0;

    /// <summary>Gives needs stored before expiry existed <c>created_at + validity</c>, a batch per transaction; returns how many.</summary>
    public static async Task<int> FillExpiryAsync(DbConnection connection, SqlDialect dialect, TimeSpan validity, CancellationToken ct)
    {
        const int batch = 1000;
        var filled = 0;
        while (true)
        {
            var rows = (await connection.QueryAsync<(long Id, DateTime CreatedAt)>(
                new CommandDefinition(dialect.Render(WithoutExpirySql), new { Take = batch }, cancellationToken: ct))).ToList();
            if (rows.Count == 0)
                return filled;
            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(SetExpirySql,
                rows.Select(r => new { r.Id, ExpiresAt = r.CreatedAt + validity }).ToList(), tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            filled += rows.Count;
        }
    }

    /// <summary>Claims up to <paramref name="take"/> needs whose time ran out and that no sweep has handled yet; returns their ids.</summary>
    public static Task<IReadOnlyList<long>> ClaimExpiredAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, DateTime now, int take, CancellationToken ct) =>
        ClaimAsync(connection, tx, dialect, DueForSweepSql, ClaimSweepSql, new ClaimWindow(now, now, take), ct);

    /// <summary>Needs expired by <paramref name="now"/> that no sweep has handled yet, and when the oldest of them expired.</summary>
    public static Task<ExpirySweepBacklog> SweepBacklogAsync(DbConnection connection, DateTime now, CancellationToken ct) =>
        connection.QuerySingleAsync<ExpirySweepBacklog>(new CommandDefinition(SweepBacklogSql, new { Now = now }, cancellationToken: ct));

    /// <summary>Claims up to <paramref name="take"/> open needs that expire within <paramref name="before"/> and were not reminded yet.</summary>
    public static Task<IReadOnlyList<long>> ClaimRemindersAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, DateTime now, TimeSpan before, int take, CancellationToken ct) =>
        ClaimAsync(connection, tx, dialect, DueForReminderSql, ClaimReminderSql, new ClaimWindow(now, now + before, take), ct);

    private static async Task<IReadOnlyList<long>> ClaimAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, string dueSql, string claimSql,
        ClaimWindow window, CancellationToken ct)
    {
        var due = await connection.QueryAsync<long>(new CommandDefinition(dialect.Render(dueSql), window, tx, cancellationToken: ct));
        var claimed = new List<long>();
        foreach (var id in due)
        {
            if (await connection.ExecuteAsync(new CommandDefinition(claimSql, new { Id = id, window.Now, window.Horizon }, tx, cancellationToken: ct)) > 0)
                claimed.Add(id);
        }

        return claimed;
    }

    private sealed record ClaimWindow(DateTime Now, DateTime Horizon, int Take);
}

internal sealed record ExpirySweepBacklog
{
    public int Unswept { get; init; }
    public DateTime? OldestExpiredAt { get; init; }
}
