using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Reports;

/// <summary>The bounds of the reports' filters, options and figures.</summary>
internal static class ReportBounds
{
    private static readonly string[] Counts =
    [
        "smes", "openNeeds", "expiredNeeds", "partners", "matches", "matchesTotal", "matchedNeeds", "exportOrientedMatchedNeeds",
        "jobsInMutualOrLater", "declined", "count", "agreements", "jobsCreated", "youthJobsCreated", "reached", "newSmes", "newNeeds", "newPartners", "newMatches",
        "pendingProfiles", "rejectedProfiles",
    ];

    public static void DescribeFields(FieldBounds fields)
    {
        fields
            .String("from", FieldBounds.DateTimeMaxLength, ReportFilter.TimePattern)
            .String("to", FieldBounds.DateTimeMaxLength, ReportFilter.TimePattern)
            .Code("interval", 8, ["month", "quarter"])
            .Code("format", 4, ["json", "csv"])
            .String("period", 7, "^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$")
            .Code("PipelineStageRow.stage", 16, Pipeline.Endpoint.StageNames)
            .Code("PipelineStatusRow.status", 32, MatchStatus.All)
            .Code("ExportRow.status", 32, MatchStatus.All)
            .Code("needStatus", 8, Needs.NeedStatus.All)
            .List("needSectors", SharedBounds.DivisionCode, SharedBounds.MaxSectors)
            .Code("needCurrency", 3, SeedCodes.Currencies)
            .Objects("statuses", MatchStatus.All.Count)
            .Objects("stages", MatchStatus.All.Count)
            // Every report carries a count for every status, even a zero one.
            .ClosedMap("matches", MatchStatus.All)
            .Code("DeclineReasonRow.reasonCode", Matching.Decline.DeclineReasons.MaxLength, Matching.Decline.DeclineReasons.Reported)
            .Code("DeclineReasonRow.side", 8, DeclineReasons.Endpoint.Sides);
        foreach (var count in Counts)
            fields.Integer(count, 0, long.MaxValue);
    }
}
