using Matchmaker.Api.Features.Matching.Deals;

namespace Matchmaker.Api.Features.Matching;

/// <summary>The bounds of a match's fields and of the deal actions' requests.</summary>
internal static class MatchingBounds
{
    private const string Word = "^[a-z][a-z_]*$";
    private const int MaxEvents = 50;

    public static void DescribeFields(FieldBounds fields) => fields
        .String("reason", Decline.Request.MaxReasonLength)
        .Code("reasonCode", Decline.DeclineReasons.MaxLength, Decline.DeclineReasons.All)
        .String("note", Stage.Request.MaxNoteLength)
        .String("status", 32, Word)
        .String("action", 32, Word)
        .Code("actorRole", 16, AppRoles.All)
        .Code("stage", 16, MatchStatus.StageTargets)
        .Code("MatchingMatchResponse.status", 32, MatchStatus.All)
        .Code("MatchingMatchEventResponse.from", 32, MatchStatus.All)
        .Code("MatchingMatchEventResponse.to", 32, MatchStatus.All)
        .Objects("events", MaxEvents)
        .Objects("outcomes", Outcomes.OutcomeStore.MaxPerMatch)
        .String("BreakdownItem.advice", 500)
        .Number("advicePoints", 0.1, 100)
        .Integer("RecordRequest.jobsCreated", 0, Outcomes.Record.Request.MaxJobs)
        .Integer("OutcomeResponse.jobsCreated", 0, Outcomes.Record.Request.MaxJobs)
        .Integer("youthJobs", 0, Outcomes.Record.Request.MaxJobs)
        .Code("recordedByRole", 16, AppRoles.All);
}
