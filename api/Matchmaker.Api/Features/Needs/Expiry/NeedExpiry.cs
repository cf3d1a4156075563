using Matchmaker.Api.Features.Matching.Scoring;

namespace Matchmaker.Api.Features.Needs.Expiry;

/// <summary>What one sweep did: needs whose expiry it handled, and needs it claimed a reminder for.</summary>
internal sealed record SweepResult(int Expired, int Reminded);

/// <summary>
/// The expiry sweep. Readers already treat a need past <c>expires_at</c> as expired (lists leave out its
/// suggestions, re-scores give it no new pair); the sweep makes the stored matches agree, as closing does:
/// it claims each such need once (<c>expiry_swept_at</c>), and in the same transaction re-scores it, which drops
/// its suggestions and keeps its deals, and hands it to the <see cref="INeedExpiryNotifier"/>s.
/// </summary>
internal sealed class NeedExpiry(
    ConnectionFactory db, SqlDialect dialect, Rescorer rescorer, NeedOptions options, TimeProvider clock, IEnumerable<INeedExpiryNotifier> notifiers)
{
    /// <summary>Needs per transaction, so one sweep never holds the writers up for long.</summary>
    public const int BatchSize = 100;

    private readonly IReadOnlyList<INeedExpiryNotifier> notifiers = notifiers.ToList();

    /// <summary>One pass: every need expired by now, then (with a notifier) every reminder due, a batch per transaction.</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var expired = await BatchesAsync(connection, ExpireDueAsync, ct);
        var reminded = notifiers.Count == 0 ? 0 : await BatchesAsync(connection, RemindDueAsync, ct);
        return new SweepResult(expired, reminded);
    }

    /// <summary>
    /// Claims up to <see cref="BatchSize"/> needs whose time ran out at <paramref name="now"/> and that no sweep handled
    /// since they were posted or renewed, drops their suggestions and notifies, all in the caller's transaction.
    /// </summary>
    public async Task<IReadOnlyList<NeedRow>> ExpireDueAsync(DbConnection connection, DbTransaction tx, DateTime now, CancellationToken ct)
    {
        var ids = await NeedStore.ClaimExpiredAsync(connection, tx, dialect, now, BatchSize, ct);
        if (ids.Count == 0)
            return [];
        await rescorer.RescoreNeedsAsync(connection, tx, ids, now, ct);
        var needs = await NeedStore.ByIdsAsync(connection, tx, ids, ct);
        foreach (var notifier in notifiers)
            await notifier.NeedsExpiredAsync(connection, tx, needs, now, ct);
        return needs;
    }

    /// <summary>Claims up to <see cref="BatchSize"/> needs due their reminder (<c>Needs:ReminderBefore</c>) and notifies, in the caller's transaction.</summary>
    public async Task<IReadOnlyList<NeedRow>> RemindDueAsync(DbConnection connection, DbTransaction tx, DateTime now, CancellationToken ct)
    {
        var ids = await NeedStore.ClaimRemindersAsync(connection, tx, dialect, now, options.ReminderBefore, BatchSize, ct);
        if (ids.Count == 0)
            return [];
        var needs = await NeedStore.ByIdsAsync(connection, tx, ids, ct);
        foreach (var notifier in notifiers)
            await notifier.NeedsExpiringAsync(connection, tx, needs, now, ct);
        return needs;
    }

    private async Task<int> BatchesAsync(DbConnection connection,
        Func<DbConnection, DbTransaction, DateTime, CancellationToken, Task<IReadOnlyList<NeedRow>>> step, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var tx = await rescorer.BeginAsync(connection, ct);
            var done = await step(connection, tx, clock.GetUtcNow().UtcDateTime, ct);
            await tx.CommitAsync(ct);
            total += done.Count;
            if (done.Count < BatchSize)
                return total;
        }
    }
}
