using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Matching.Outcomes;

internal static class OutcomeExamples
{
    private static readonly DateTime Recorded1 = new(2026, 9, 30, 7, 45, 0, DateTimeKind.Utc);

    public static Record.Request Request => new()
    {
        Investment = new Money { Amount = 3_200_000m, Currency = "CNY" },
        JobsCreated = 35,
        YouthJobs = 21,
        ProductionStartedOn = new DateOnly(2026, 9, 1),
        ExportMarkets = ["KZ", "UZ"],
        Note = "Machining line installed; first export shipment in October.",
    };

    public static OutcomeResponse Recorded => new()
    {
        Id = Guid.Parse("4d5e6f70-8192-4a3b-b4c5-d6e7f8091a2b"),
        MatchId = Examples.MatchId,
        Investment = new MoneyResponse(3_200_000m, "CNY"),
        InvestmentUsd = 445_440m,
        JobsCreated = 35,
        YouthJobs = 21,
        ProductionStartedOn = new DateOnly(2026, 9, 1),
        ExportMarkets = ["KZ", "UZ"],
        Note = Request.Note,
        RecordedByRole = "sme",
        RecordedAt = Recorded1,
    };

    /// <summary>Three months later: more jobs, the same investment.</summary>
    public static OutcomeResponse FollowUp => Recorded with
    {
        Id = Guid.Parse("5e6f7081-92a3-4b4c-85d6-e7f8091a2b3c"),
        JobsCreated = 48,
        YouthJobs = 30,
        Note = "Second shift hired.",
        RecordedByRole = "agency",
        RecordedAt = Recorded1.AddMonths(3),
    };
}
