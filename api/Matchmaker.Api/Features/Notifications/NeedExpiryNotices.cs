using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Needs.Expiry;

namespace Matchmaker.Api.Features.Notifications;

/// <summary>Tells an SME that its need expires soon (<c>need_expiring</c>) or has expired (<c>need_expired</c>), in the sweep's transaction.</summary>
internal sealed class NeedExpiryNotices(Notifier notifier) : INeedExpiryNotifier
{
    public Task NeedsExpiringAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<NeedRow> needs, DateTime now, CancellationToken ct) =>
        notifier.RecordAsync(connection, tx, needs.Select(n => For(n, NotificationKind.NeedExpiring)), now, ct);

    public Task NeedsExpiredAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<NeedRow> needs, DateTime now, CancellationToken ct) =>
        notifier.RecordAsync(connection, tx, needs.Select(n => For(n, NotificationKind.NeedExpired)), now, ct);

    private static Notice For(NeedRow need, string kind) =>
        new(need.SmeOwnerId, kind, MatchId: null, need.PublicId, PartnerId: null, new NoticeFacts { NeedTitle = need.Title, Until = need.ExpiresAt });
}
