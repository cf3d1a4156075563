using CsCheck;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Tests.Features.Matching.Engine;

/// <summary>Random needs, partners and profiles drawn from the real code lists, with a little noise mixed in.</summary>
internal static class Generators
{
    private static readonly string[] SectorCodes =
        [.. IsicDivision.AllDivisions().Select(d => d.Code), "c28", "Z99", "A28", ""];

    private static readonly string[] NeedTypeCodes = [.. Vocabulary.NeedTypes.Codes, "grant"];

    public static readonly string[] KnownRegions = [.. Vocabulary.Regions.Codes];

    private static readonly string[] RegionCodes = [.. KnownRegions, "KG-ZZ"];

    private static readonly string[] LanguageCodes = [.. Vocabulary.Languages.Codes, "fr", " EN"];

    private static readonly string[] Certifications =
        ["ISO 9001", "iso 9001 ", "ISO 14001", "HACCP", "GOST R", "CE", "Halal", "GMP"];

    public static readonly Gen<string> KnownSector = Gen.OneOf([.. IsicDivision.AllDivisions().Select(d => d.Code)]);

    private static Gen<decimal> Usd(double minExponent, double maxExponent) =>
        Gen.Double[minExponent, maxExponent].Select(e => Math.Round((decimal)Math.Pow(10, e), 2));

    private static Gen<string[]> Some(string[] codes, int max) => Gen.OneOf(codes).Array[0, max];

    public static readonly Gen<NeedInput> Need = Gen.Select(
        Gen.Long[1, 1_000_000],
        Some(SectorCodes, 3),
        Gen.Frequency((9, Usd(3, 8)), (1, Gen.Const(0m))),
        Some(NeedTypeCodes, 4),
        Gen.Int[-2, 300],
        Gen.OneOf(RegionCodes),
        Gen.Bool,
        Some(LanguageCodes, 3),
        Some(Certifications, 3),
        (id, sectors, amount, types, jobs, region, exports, languages, certifications) =>
            new NeedInput(id, sectors, amount, types, jobs, region, exports, languages, certifications));

    public static readonly Gen<PartnerInput> Partner = Gen.Select(
        Gen.Long[1, 1_000_000],
        Some(SectorCodes, 4),
        Some(NeedTypeCodes, 5),
        Gen.Frequency((9, Usd(3, 7)), (1, Gen.Const(0m))),
        Gen.Double[0, 2],
        Some(RegionCodes, 4),
        Gen.Bool,
        Some(LanguageCodes, 3),
        Gen.Frequency((1, Gen.Const<string[]>([])), (2, Some(Certifications, 4))),
        (id, sectors, offerings, min, decadesWide, regions, seeksExport, languages, required) =>
            new PartnerInput(id, sectors, offerings, min, Math.Round(min * (decimal)Math.Pow(10, decadesWide), 2), regions, seeksExport, languages, required));

    /// <summary>
    /// Most profiles require nothing, so most pairs are scored rather than excluded; the rest
    /// require each criterion with even odds, which excludes most of their pairs.
    /// </summary>
    private static readonly Gen<bool[]> RequiredFlags = Gen.Frequency((6, Gen.Const(new bool[8])), (1, Gen.Bool.Array[8]));

    private static readonly Gen<CriterionSetting[]> Settings = Gen.Select(
        Gen.Frequency((1, Gen.Const(0.0)), (1, Gen.Int[1, 50].Select(w => (double)w)), (2, Gen.Double[0, 50])).Array[8],
        RequiredFlags,
        Gen.Frequency((4, Gen.Const(true)), (1, Gen.Const(false))).Array[8],
        (weights, required, enabled) =>
            CriterionKeys.All.Select((key, i) => new CriterionSetting(key, weights[i], required[i], enabled[i])).ToArray());

    public static readonly Gen<ScoringProfile> Profile = Settings
        .Where(settings => settings.Where(s => s.Enabled).Sum(s => s.Weight) > 0)
        .Select(settings => ScoringProfile.Default with { Criteria = settings });

    /// <summary>How many certification bits the catalog hands out: small sizes force the by-name fallback.</summary>
    public static readonly Gen<int> CatalogCapacity = Gen.Frequency((1, Gen.Int[0, 3]), (1, Gen.Const(CertificationCatalog.MaxBits)));
}
