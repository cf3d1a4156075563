namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>A need reduced to masks and precomputed numbers; built by <see cref="FeatureEncoder"/>.</summary>
/// <param name="NeedTypeCount">Distinct need types, unknown ones included: they count but never match.</param>
/// <param name="Certifications">Names without a catalog bit are kept in <paramref name="CertificationNames"/>.</param>
internal readonly record struct NeedVector(
    long Id,
    UInt128 Divisions,
    uint Sections,
    uint NeedTypes,
    int NeedTypeCount,
    uint Region,
    bool ExportOriented,
    uint Languages,
    ulong Certifications,
    string[] CertificationNames,
    double LogAmount,
    double Jobs);
