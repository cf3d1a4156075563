using Matchmaker.Api.Features.Matching.Scoring;

namespace Matchmaker.Api.Features.Matching.Criteria;

/// <summary>The latest scoring profile: <c>active</c> once its re-score job has completed, <c>pending</c> until then.</summary>
public sealed record CriteriaResponse
{
    public int Version { get; init; }
    public decimal MinScore { get; init; }
    public int MaxPerNeed { get; init; }
    public int MaxPerPartner { get; init; }
    public IReadOnlyList<CriterionResponse> Criteria { get; init; } = [];

    /// <summary>The version stored matches were scored with; lower than <see cref="Version"/> while a re-score runs.</summary>
    public int ActiveVersion { get; init; }

    public string Status { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime? ActivatedAt { get; init; }

    internal static CriteriaResponse From(StoredProfile stored, int activeVersion) => new()
    {
        Version = stored.Profile.Version,
        MinScore = stored.Profile.MinScore,
        MaxPerNeed = stored.Profile.MaxPerNeed,
        MaxPerPartner = stored.Profile.MaxPerPartner,
        Criteria = stored.Profile.Criteria.Select(c => new CriterionResponse(c.Key, c.Weight, c.Required, c.Enabled)).ToList(),
        ActiveVersion = activeVersion,
        Status = stored.ActivatedAt is null ? CriteriaStatus.Pending : CriteriaStatus.Active,
        CreatedAt = stored.CreatedAt,
        ActivatedAt = stored.ActivatedAt,
    };
}

public sealed record CriterionResponse(string Key, double Weight, bool Required, bool Enabled);

internal static class CriteriaStatus
{
    public const string Active = "active";
    public const string Pending = "pending";
}
