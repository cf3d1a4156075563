namespace Matchmaker.Api.Features.Webhooks;

/// <summary>The events a subscription may name, and which roles ever receive each.</summary>
internal static class WebhookEvents
{
    public const string MatchSuggested = "match.suggested";
    public const string MatchInterest = "match.interest";
    public const string MatchMutual = "match.mutual";
    public const string MatchStageChanged = "match.stage_changed";
    public const string MatchDeclined = "match.declined";
    public const string NeedExpiring = "need.expiring";
    public const string NeedExpired = "need.expired";
    public const string OutcomeDue = "outcome.due";
    public const string OutcomeRecorded = "outcome.recorded";
    public const string JobCompleted = "job.completed";
    public const string ProfileVerified = "profile.verified";
    public const string ProfileRejected = "profile.rejected";
    public const string ProfilePending = "profile.pending";

    public const int MaxNameLength = 24;

    private static readonly string[] Parties = [AppRoles.Sme, AppRoles.Partner];
    private static readonly string[] PartiesAndOversight = [AppRoles.Sme, AppRoles.Partner, AppRoles.Agency, AppRoles.Admin];
    private static readonly string[] OwnerAndOversight = [AppRoles.Sme, AppRoles.Agency, AppRoles.Admin];
    private static readonly string[] Oversight = [AppRoles.Agency, AppRoles.Admin];

    /// <summary>
    /// Who receives what: match events go to the match's two parties and to agency and admin, except a
    /// suggestion, which only the parties hear of; need events to the need's SME and oversight; outcome
    /// events to the parties and oversight; finished jobs to oversight only; an agency's decision on a profile
    /// to the profile's owner (an SME or a partner) and oversight; a profile awaiting a decision to oversight only, whose
    /// work queue it is.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Receivers = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [MatchSuggested] = Parties,
        [MatchInterest] = PartiesAndOversight,
        [MatchMutual] = PartiesAndOversight,
        [MatchStageChanged] = PartiesAndOversight,
        [MatchDeclined] = PartiesAndOversight,
        [NeedExpiring] = OwnerAndOversight,
        [NeedExpired] = OwnerAndOversight,
        [OutcomeDue] = PartiesAndOversight,
        [OutcomeRecorded] = PartiesAndOversight,
        [JobCompleted] = Oversight,
        [ProfileVerified] = PartiesAndOversight,
        [ProfileRejected] = PartiesAndOversight,
        [ProfilePending] = Oversight,
    };

    public static readonly string[] All = [.. Receivers.Keys];

    public static bool Reaches(string eventName, string? role) =>
        role is not null && Receivers.TryGetValue(eventName, out var roles) && roles.Contains(role);
}
