namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>A partner reduced to masks and precomputed numbers; built by <see cref="FeatureEncoder"/>.</summary>
/// <param name="UncataloguedCertifications">Requirements the catalog had no bit left for; null when there are none.</param>
internal readonly record struct PartnerVector(
    long Id,
    UInt128 Divisions,
    uint Sections,
    uint Offerings,
    uint TargetRegions,
    bool HasTargetRegions,
    bool SeeksExportOriented,
    uint Languages,
    ulong RequiredCertifications,
    int RequiredCertificationCount,
    string[]? UncataloguedCertifications,
    double LogMinUsd,
    double LogMaxUsd);
