namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>
/// A partner reduced to masks and precomputed numbers in 64 bytes, one cache line, since the fast
/// path streams through many of them per need; built by <see cref="VectorEncoder"/>.
/// </summary>
/// <param name="UncataloguedCertifications">Requirements the catalog had no bit left for; null when there are none.</param>
internal readonly record struct PartnerVector(
    long Id,
    UInt128 Divisions,
    byte Offerings,
    ushort TargetRegions,
    bool HasTargetRegions,
    bool SeeksExportOriented,
    byte Languages,
    ulong RequiredCertifications,
    ushort RequiredCertificationCount,
    string[]? UncataloguedCertifications,
    double LogMinUsd,
    double LogMaxUsd);
