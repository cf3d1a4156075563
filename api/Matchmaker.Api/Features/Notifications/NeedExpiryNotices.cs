using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Needs.Expiry;
using Matchmaker.Api.Features.Webhooks;

namespace Matchmaker.Api.Features.Notifications;

/// <summary>
/// Tells an SME that its need expires soon (<c>need_expiring</c>) or has expired (<c>need_expired</c>), and subscribers
/// (<c>need.expiring</c>, <c>need.expired</c>), in the sweep's transaction.
/// </summary>
internal sealed class NeedExpiryNotices(Notifier notifier) : INeedExpiryNotifier
{
    public async Task NeedsExpiringAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<NeedRow> needs, DateTime now, CancellationToken ct)
    {
        await notifier.RecordAsync(connection, tx, needs.Select(n => For(n, NotificationKind.NeedExpiring)), now, ct);
        await notifier.PublishAsync(connection, tx, needs.Select(n => EventsOf.Need(WebhookEvents.NeedExpiring, n, now)), now, ct);
    }

    public async Task NeedsExpiredAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<NeedRow> needs, DateTime now, CancellationToken ct)
    {
        await notifier.RecordAsync(connection, tx, needs.Select(n => For(n, NotificationKind.NeedExpired)), now, ct);
        await notifier.PublishAsync(connection, tx, needs.Select(n => EventsOf.Need(WebhookEvents.NeedExpired, n, now)), now, ct);
    }

    private static Notice For(NeedRow need, string kind) =>
        new(need.SmeOwnerId, kind, MatchId: null, need.PublicId, PartnerId: null, new NoticeFacts { NeedTitle = need.Title, Until = need.ExpiresAt });
}
