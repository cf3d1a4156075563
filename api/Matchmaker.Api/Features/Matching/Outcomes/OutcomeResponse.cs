using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Matching.Outcomes;

/// <summary>What a deal produced, as recorded at <see cref="RecordedAt"/>; the latest record of a need's matches is the one that counts.</summary>
public sealed record OutcomeResponse
{
    public Guid Id { get; init; }
    public Guid MatchId { get; init; }
    public MoneyResponse Investment { get; init; } = new(0, "USD");

    /// <summary>The investment in USD at the rate effective on the recording date.</summary>
    public decimal InvestmentUsd { get; init; }

    public int JobsCreated { get; init; }

    /// <summary>Of <see cref="JobsCreated"/>, those held by people under 30.</summary>
    public int YouthJobs { get; init; }

    public DateOnly? ProductionStartedOn { get; init; }
    public IReadOnlyList<string> ExportMarkets { get; init; } = [];
    public string? Note { get; init; }

    /// <summary>The role of the account that recorded it (sme, partner, agency, admin), never the account.</summary>
    public string RecordedByRole { get; init; } = "";

    public DateTime RecordedAt { get; init; }

    internal static OutcomeResponse From(OutcomeRow row) => new()
    {
        Id = row.PublicId,
        MatchId = row.MatchPublicId,
        Investment = new MoneyResponse(row.InvestmentAmount, row.InvestmentCurrency),
        InvestmentUsd = row.InvestmentUsd,
        JobsCreated = row.JobsCreated,
        YouthJobs = row.YouthJobs,
        ProductionStartedOn = row.ProductionStartedOn is { } day ? DateOnly.FromDateTime(day) : null,
        ExportMarkets = JsonList.Read(row.ExportMarkets),
        Note = row.Note,
        RecordedByRole = row.RecordedRole,
        RecordedAt = row.RecordedAt,
    };
}

public sealed record OutcomeList(IReadOnlyList<OutcomeResponse> Items);
