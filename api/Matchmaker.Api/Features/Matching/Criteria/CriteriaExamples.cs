using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Matching.Jobs;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Matching.Criteria;

internal static class CriteriaExamples
{
    private static readonly DateTime Changed = new(2026, 5, 4, 7, 0, 0, DateTimeKind.Utc);

    /// <summary>The default profile (Features/Matching/README.md), as version 1.</summary>
    public static CriteriaResponse Active => new()
    {
        Version = 1,
        MinScore = ScoringProfile.Default.MinScore,
        MaxPerNeed = ScoringProfile.Default.MaxPerNeed,
        MaxPerPartner = ScoringProfile.Default.MaxPerPartner,
        Criteria = ScoringProfile.Default.Criteria.Select(c => new CriterionResponse(c.Key, c.Weight, c.Required, c.Enabled)).ToList(),
        ActiveVersion = 1,
        Status = CriteriaStatus.Active,
        CreatedAt = Examples.Registered,
        ActivatedAt = Examples.Registered,
    };

    /// <summary>Version 1 with the region criterion doubled, posted against version 1.</summary>
    public static Update.Request Change => new()
    {
        Version = 1,
        MinScore = 40m,
        MaxPerNeed = 200,
        MaxPerPartner = 200,
        Criteria = ScoringProfile.Default.Criteria
            .Select(c => new Update.CriterionRequest
            {
                Key = c.Key,
                Weight = c.Key == CriterionKeys.Region ? c.Weight * 2 : c.Weight,
                Required = c.Required,
                Enabled = c.Enabled,
            })
            .ToList(),
    };

    public static JobResponse Queued => new()
    {
        Id = Examples.JobId,
        Kind = "rescore",
        Status = "queued",
        CriteriaVersion = 2,
        Total = 0,
        CreatedAt = Changed,
    };

    public static JobResponse Succeeded => Queued with
    {
        Status = "succeeded",
        Processed = 203,
        Total = 203,
        StartedAt = Changed.AddSeconds(1),
        FinishedAt = Changed.AddSeconds(4),
        Attempts = 1,
    };
}
