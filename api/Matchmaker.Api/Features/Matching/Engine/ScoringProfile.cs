namespace Matchmaker.Api.Features.Matching.Engine;

internal sealed record CriterionSetting(string Key, double Weight, bool Required, bool Enabled);

internal sealed record ScoringProfile(
    int Version,
    decimal MinScore,
    int MaxPerNeed,
    int MaxPerPartner,
    IReadOnlyList<CriterionSetting> Criteria)
{
    public static ScoringProfile Default { get; } = new(
        Version: 1,
        MinScore: 40m,
        MaxPerNeed: 200,
        MaxPerPartner: 200,
        Criteria:
        [
            new(CriterionKeys.Sector, 30, Required: true, Enabled: true),
            new(CriterionKeys.Ticket, 25, Required: false, Enabled: true),
            new(CriterionKeys.NeedType, 20, Required: true, Enabled: true),
            new(CriterionKeys.Region, 10, Required: false, Enabled: true),
            new(CriterionKeys.Export, 5, Required: false, Enabled: true),
            new(CriterionKeys.Jobs, 5, Required: false, Enabled: true),
            new(CriterionKeys.Language, 3, Required: false, Enabled: true),
            new(CriterionKeys.Certification, 2, Required: false, Enabled: true),
        ]);
}
