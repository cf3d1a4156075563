using Matchmaker.Api.Features.Matching;
using Matchmaker.Api.Features.Matching.Deals;

namespace Matchmaker.Api.Features.Notifications;

/// <summary>
/// Who hears of a party's action on a match: the other party of interest, a stage or a decline; both
/// parties when it becomes mutual.
/// </summary>
internal static class MatchNotices
{
    public static IEnumerable<Notice> Of(MatchRow match, MatchEventRow change)
    {
        var bySme = change.ActorRole == MatchSide.Sme;
        var other = bySme ? match.PartnerOwnerId : match.SmeOwnerId;
        if (change.ToStatus == MatchStatus.Mutual)
        {
            yield return For(match, match.SmeOwnerId, NotificationKind.Mutual, match.PartnerName, change.ToStatus);
            yield return For(match, match.PartnerOwnerId, NotificationKind.Mutual, match.SmeName, change.ToStatus);
            yield break;
        }

        var kind = change.Action switch
        {
            MatchAction.Interest => NotificationKind.InterestReceived,
            MatchAction.Stage => NotificationKind.StageChanged,
            MatchAction.Decline => NotificationKind.Declined,
            _ => null,
        };
        if (kind is not null)
            yield return For(match, other, kind, bySme ? match.SmeName : match.PartnerName, change.ToStatus);
    }

    private static Notice For(MatchRow match, Guid recipient, string kind, string otherName, string status) =>
        new(recipient, kind, match.PublicId, match.NeedPublicId, match.PartnerPublicId, new NoticeFacts
        {
            NeedTitle = match.NeedTitle,
            Other = otherName,
            Score = match.Score,
            Status = status,
        });
}
