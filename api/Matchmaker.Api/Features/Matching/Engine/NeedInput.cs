namespace Matchmaker.Api.Features.Matching.Engine;

/// <param name="Sectors">ISIC division codes such as "C28": the need's own, or else its SME's.</param>
internal sealed record NeedInput(
    long Id,
    IReadOnlyList<string> Sectors,
    decimal AmountUsd,
    IReadOnlyList<string> NeedTypes,
    int JobsToCreate,
    string SmeRegion,
    bool SmeExportOriented,
    IReadOnlyList<string> SmeLanguages,
    IReadOnlyList<string> SmeCertifications);
