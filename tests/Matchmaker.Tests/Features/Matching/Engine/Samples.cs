using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Tests.Features.Matching.Engine;

internal static class Samples
{
    /// <summary>The need of the worked example (Features/Matching/README.md).</summary>
    public static NeedInput Need { get; } = new(
        Id: 1,
        Sectors: ["C28"],
        AmountUsd: 500_000m,
        NeedTypes: ["equipment_supply", "joint_venture"],
        JobsToCreate: 40,
        SmeRegion: "KG-C",
        SmeExportOriented: true,
        SmeLanguages: ["ru", "en"],
        SmeCertifications: []);

    /// <summary>The partner of the worked example (Features/Matching/README.md).</summary>
    public static PartnerInput Partner { get; } = new(
        Id: 2,
        Sectors: ["C28", "C29"],
        Offerings: ["equipment_supply"],
        MinUsd: 100_000m,
        MaxUsd: 2_000_000m,
        TargetRegions: ["KG-C", "KG-Y"],
        SeeksExportOriented: true,
        Languages: ["zh", "en"],
        RequiredCertifications: ["ISO 9001"]);

    public static ScoringProfile WithCriterion(this ScoringProfile profile, string key, Func<CriterionSetting, CriterionSetting> change) =>
        profile with { Criteria = [.. profile.Criteria.Select(c => c.Key == key ? change(c) : c)] };

    public static ScoringProfile Only(params (string Key, double Weight)[] weights) =>
        ScoringProfile.Default with
        {
            Criteria = [.. CriterionKeys.All.Select(key => new CriterionSetting(
                key,
                weights.FirstOrDefault(w => w.Key == key).Weight,
                Required: false,
                Enabled: weights.Any(w => w.Key == key)))],
        };

    public static PairScore FastScore(this Scorer scorer, NeedInput need, PartnerInput partner)
    {
        var encoder = new VectorEncoder();
        return scorer.Score(encoder.Encode(need), encoder.Encode(partner));
    }

    public static CriterionScore Row(this MatchScore score, string key) => score.Breakdown.Single(row => row.Criterion == key);

    public static decimal ContributionSum(this MatchScore score) => score.Breakdown.Sum(row => (decimal)row.Contribution);
}
