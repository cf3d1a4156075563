using Matchmaker.Api.Features.Verification;
using Matchmaker.Api.Features.Webhooks;

namespace Matchmaker.Api.Features.Notifications;

/// <summary>
/// Tells a profile's owner what an agency decided (<c>profile_verified</c>, <c>profile_rejected</c> in the inbox and
/// by e-mail) and subscribers (<c>profile.verified</c>, <c>profile.rejected</c>), in the decision's transaction; and
/// tells oversight's subscribers (<c>profile.pending</c>) when a profile awaits a decision, in the transaction of the write
/// that put it in the queue.
/// </summary>
internal static class ProfileNotices
{
    internal static async Task AnnounceAsync(Notifier notifier, DbConnection c, DbTransaction tx, ProfileDecision decision, CancellationToken ct)
    {
        await notifier.RecordAsync(c, tx, [For(decision)], decision.At, ct);
        await notifier.PublishAsync(c, tx, [EventsOf.Profile(decision)], decision.At, ct);
    }

    /// <summary>A new profile, or one an edit sent back (<see cref="VerificationState.JoinsQueueFrom"/>), awaits the agencies.</summary>
    internal static Task AnnouncePendingAsync(Notifier notifier, DbConnection c, DbTransaction tx, string kind, Guid profileId, DateTime at, CancellationToken ct) =>
        notifier.PublishAsync(c, tx, [EventsOf.ProfilePending(kind, profileId, at)], at, ct);

    private static Notice For(ProfileDecision decision) =>
        new(decision.OwnerId, decision.Status == VerificationStatus.Verified ? NotificationKind.ProfileVerified : NotificationKind.ProfileRejected,
            MatchId: null, NeedId: null, PartnerId: decision.Kind == ProfileKind.Partner ? decision.ProfilePublicId : null, new NoticeFacts
            {
                Profile = decision.ProfileName,
                ProfileKind = decision.Kind,
                Note = decision.Status == VerificationStatus.Rejected ? decision.Note : null,
            });
}
