namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>A need reduced to masks and precomputed numbers; built by <see cref="VectorEncoder"/>.</summary>
/// <param name="SectionDivisions">Every division in a section of one of the need's divisions.</param>
/// <param name="NeedTypeCount">Distinct need types, unknown ones included: they count but never match.</param>
/// <param name="CertificationNames">All the SME's certifications, for those the catalog has no bit for.</param>
internal readonly record struct NeedVector(
    long Id,
    UInt128 Divisions,
    UInt128 SectionDivisions,
    uint NeedTypes,
    int NeedTypeCount,
    uint Region,
    bool ExportOriented,
    uint Languages,
    ulong Certifications,
    string[] CertificationNames,
    double LogAmount,
    double Jobs);
