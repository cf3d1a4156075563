using Matchmaker.Api.Features.Matching;
using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Webhooks;

/// <summary>The events that changes publish, and what their <c>data</c> holds: ids and the new state.</summary>
internal static class EventsOf
{
    /// <summary>A party's action on a match: interest (or mutual, when it answered the other side's), a stage, a decline.</summary>
    public static IEnumerable<WebhookEvent> Transition(MatchRow match, MatchEventRow change)
    {
        var type = change.ToStatus == MatchStatus.Mutual ? WebhookEvents.MatchMutual : change.Action switch
        {
            MatchAction.Interest => WebhookEvents.MatchInterest,
            MatchAction.Stage => WebhookEvents.MatchStageChanged,
            MatchAction.Decline => WebhookEvents.MatchDeclined,
            _ => null,
        };
        if (type is not null)
            yield return Match(type, match.PublicId, match.NeedPublicId, match.PartnerPublicId, match.SmePublicId, change.ToStatus, match.Score,
                [match.SmeOwnerId, match.PartnerOwnerId], change.At);
    }

    /// <summary>New suggestions for one party: the best of them, and how many there are (one event per need or partner per write or job).</summary>
    public static WebhookEvent Suggested(Guid recipient, Guid matchId, Guid needId, Guid partnerId, Guid smeId, decimal score, int newMatches, DateTime at) =>
        new(WebhookEvents.MatchSuggested, at, [recipient], new MatchData(matchId, needId, partnerId, smeId, MatchStatus.Suggested, score, newMatches));

    public static WebhookEvent Need(string type, NeedRow need, DateTime at) =>
        new(type, at, [need.SmeOwnerId], new NeedData(need.PublicId, need.SmePublicId, need.StatusAt(at), need.ExpiresAt));

    public static WebhookEvent JobCompleted(Guid jobId, string kind, int? criteriaVersion, string status, DateTime at) =>
        new(WebhookEvents.JobCompleted, at, [], new JobData(jobId, kind, criteriaVersion, status));

    /// <summary>A follow-up of a deal's outcome fell due (<paramref name="step"/> of <c>Outcomes:FollowUpMonths</c>).</summary>
    public static WebhookEvent OutcomeDue(Guid matchId, Guid needId, Guid partnerId, Guid smeId, string status, decimal score, int step, Guid[] parties, DateTime at) =>
        new(WebhookEvents.OutcomeDue, at, parties, new OutcomeData(null, matchId, needId, partnerId, smeId, status, score, step, null, null, null));

    /// <summary>An outcome was recorded: its figures (never the note, which may name people).</summary>
    public static WebhookEvent OutcomeRecorded(MatchRow match, Guid outcomeId, decimal investmentUsd, int jobsCreated, int youthJobs, DateTime at) =>
        new(WebhookEvents.OutcomeRecorded, at, [match.SmeOwnerId, match.PartnerOwnerId], new OutcomeData(outcomeId, match.PublicId, match.NeedPublicId,
            match.PartnerPublicId, match.SmePublicId, match.Status, match.Score, null, investmentUsd, jobsCreated, youthJobs));

    /// <summary>An agency verified or rejected a profile: its id, kind and new state, and the agency's own note.</summary>
    public static WebhookEvent Profile(ProfileDecision decision) =>
        Profile(decision.Kind, decision.ProfilePublicId, decision.Status, decision.Note, [decision.OwnerId], decision.At);

    /// <summary>A profile entered the agencies' queue (created, or sent back by an edit): told to oversight only, by role.</summary>
    public static WebhookEvent ProfilePending(string kind, Guid profileId, DateTime at) =>
        Profile(kind, profileId, VerificationStatus.Pending, null, [], at);

    private static WebhookEvent Profile(string kind, Guid profileId, string status, string? note, Guid[] parties, DateTime at) =>
        new(status switch
        {
            VerificationStatus.Verified => WebhookEvents.ProfileVerified,
            VerificationStatus.Rejected => WebhookEvents.ProfileRejected,
            _ => WebhookEvents.ProfilePending,
        }, at, parties, new ProfileData(profileId, kind, status, note));

    private static WebhookEvent Match(string type, Guid matchId, Guid needId, Guid partnerId, Guid smeId, string status, decimal score, Guid[] parties, DateTime at) =>
        new(type, at, parties, new MatchData(matchId, needId, partnerId, smeId, status, score, null));

    private sealed record MatchData(Guid MatchId, Guid NeedId, Guid PartnerId, Guid SmeId, string Status, decimal Score, int? NewMatches);

    private sealed record NeedData(Guid NeedId, Guid SmeId, string Status, DateTime? ExpiresAt);

    private sealed record OutcomeData(Guid? OutcomeId, Guid MatchId, Guid NeedId, Guid PartnerId, Guid SmeId, string Status, decimal Score, int? FollowUp,
        decimal? InvestmentUsd, int? JobsCreated, int? YouthJobs);

    private sealed record ProfileData(Guid ProfileId, string Kind, string Status, string? Note);

    private sealed record JobData(Guid JobId, string Kind, int? CriteriaVersion, string Status);
}
