namespace Matchmaker.Api.Features.Notifications;

/// <summary>What an inbox item reports (API.md, "Inbox"; who receives which: "Settled details").</summary>
internal static class NotificationKind
{
    public const string MatchSuggested = "match_suggested";
    public const string InterestReceived = "interest_received";
    public const string Mutual = "mutual";
    public const string StageChanged = "stage_changed";
    public const string Declined = "declined";
    public const string NeedExpiring = "need_expiring";
    public const string NeedExpired = "need_expired";
    public const string OutcomeDue = "outcome_due";
    public const string ProfileVerified = "profile_verified";
    public const string ProfileRejected = "profile_rejected";

    public static readonly string[] All = [MatchSuggested, InterestReceived, Mutual, StageChanged, Declined, NeedExpiring, NeedExpired, OutcomeDue, ProfileVerified, ProfileRejected];
}
