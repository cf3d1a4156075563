namespace Matchmaker.Api.Features.Matching.Engine;

internal sealed record PartnerInput(
    long Id,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Offerings,
    decimal MinUsd,
    decimal MaxUsd,
    IReadOnlyList<string> TargetRegions,
    bool SeeksExportOriented,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> RequiredCertifications,
    bool Listed = true);
