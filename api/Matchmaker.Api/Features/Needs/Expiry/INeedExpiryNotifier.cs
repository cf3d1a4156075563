namespace Matchmaker.Api.Features.Needs.Expiry;

/// <summary>
/// Where the <c>need_expiring</c> and <c>need_expired</c> notifications plug in: <see cref="NeedExpiry"/> calls every
/// registered notifier inside the transaction that claims the needs, so what a notifier writes (an inbox item, an
/// outbox row) commits with the claim or not at all, and each need is handed over once per expiry and per renewal.
/// Notifications/NeedExpiryNotices is the one registered; while none is, reminders are not claimed.
/// </summary>
internal interface INeedExpiryNotifier
{
    /// <summary>Needs that expire within <c>Needs:ReminderBefore</c> and were not reminded since they were posted or renewed.</summary>
    Task NeedsExpiringAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<NeedRow> needs, DateTime now, CancellationToken ct);

    /// <summary>Needs whose time ran out, just swept: their suggestions are gone, their deals go on.</summary>
    Task NeedsExpiredAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<NeedRow> needs, DateTime now, CancellationToken ct);
}
