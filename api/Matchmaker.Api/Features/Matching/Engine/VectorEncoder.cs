namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>
/// Turns inputs into vectors for <see cref="Scorer"/>. Needs and partners scored against each other
/// must come from the same encoder, because certification bits are only meaningful within its catalog.
/// </summary>
internal sealed class VectorEncoder(CertificationCatalog catalog)
{
    public VectorEncoder() : this(new CertificationCatalog())
    {
    }

    public CertificationCatalog Catalog { get; } = catalog;

    public NeedVector Encode(NeedInput need)
    {
        var (divisions, sectionDivisions) = EncodeSectors(need.Sectors);
        var certifications = Vocabulary.Distinct(need.SmeCertifications);
        var certificationBits = 0ul;
        foreach (var name in certifications)
        {
            var bit = Catalog.Intern(name);
            if (bit >= 0)
                certificationBits |= 1ul << bit;
        }

        return new NeedVector(
            need.Id,
            divisions,
            sectionDivisions,
            Vocabulary.NeedTypes.Mask(need.NeedTypes),
            Vocabulary.Distinct(need.NeedTypes).Count,
            Vocabulary.Regions.Mask([need.SmeRegion]),
            need.SmeExportOriented,
            Vocabulary.Languages.Mask(need.SmeLanguages),
            certificationBits,
            [.. certifications],
            CriterionMath.Log10Usd(need.AmountUsd),
            CriterionMath.Jobs(need.JobsToCreate));
    }

    public PartnerVector Encode(PartnerInput partner)
    {
        var (divisions, _) = EncodeSectors(partner.Sectors);
        var required = Vocabulary.Distinct(partner.RequiredCertifications);
        if (required.Count > ushort.MaxValue)
            throw new ArgumentException("A partner cannot require that many certifications.", nameof(partner));
        var requiredBits = 0ul;
        List<string>? uncatalogued = null;
        foreach (var name in required)
        {
            var bit = Catalog.Intern(name);
            if (bit >= 0)
                requiredBits |= 1ul << bit;
            else
                (uncatalogued ??= []).Add(name);
        }

        return new PartnerVector(
            partner.Id,
            divisions,
            (byte)Vocabulary.NeedTypes.Mask(partner.Offerings),
            (ushort)Vocabulary.Regions.Mask(partner.TargetRegions),
            Vocabulary.Distinct(partner.TargetRegions).Count > 0,
            partner.SeeksExportOriented,
            (byte)Vocabulary.Languages.Mask(partner.Languages),
            requiredBits,
            (ushort)required.Count,
            uncatalogued?.ToArray(),
            CriterionMath.Log10Usd(partner.MinUsd),
            CriterionMath.Log10Usd(partner.MaxUsd));
    }

    private static (UInt128 Divisions, UInt128 SectionDivisions) EncodeSectors(IEnumerable<string> codes)
    {
        var divisions = UInt128.Zero;
        var sectionDivisions = UInt128.Zero;
        foreach (var code in codes)
        {
            if (!IsicDivision.TryParse(code, out var division))
                continue;
            divisions |= UInt128.One << division.Bit;
            sectionDivisions |= IsicDivision.DivisionsIn(division.Section);
        }
        return (divisions, sectionDivisions);
    }
}
