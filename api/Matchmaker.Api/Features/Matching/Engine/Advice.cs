using System.Globalization;

namespace Matchmaker.Api.Features.Matching.Engine;

internal enum AdviceSide { Sme, Partner }

internal enum AdviceKind { AddSector, AcceptAmount, AddOffering, AddTargetRegion, BecomeExportOriented, CreateJobs, AddLanguage, AddCertification }

/// <summary>What a breakdown row advises: one change, and the score points it adds (whole tenths).</summary>
internal sealed record Advice(AdvisedChange Change, double Points);

/// <summary>
/// One change to one side's input that raises one criterion. <paramref name="Value"/> is what the side
/// adds or takes on: an ISIC division, a USD amount (invariant culture), a need type, a region, a job
/// count, a language or a certification; empty for becoming export-oriented.
/// </summary>
internal sealed record AdvisedChange(string Criterion, AdviceSide Side, AdviceKind Kind, string Value)
{
    /// <summary>The job count that scores 1 (SCORING.md: 100 jobs → 1.0).</summary>
    public const int FullJobs = 100;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The change advised for a criterion scoring below 1; null where no single change raises it.</summary>
    public static AdvisedChange? For(string criterion, NeedInput need, PartnerInput partner) => criterion switch
    {
        CriterionKeys.Sector => Sector(need, partner),
        CriterionKeys.Ticket => new(criterion, AdviceSide.Partner, AdviceKind.AcceptAmount, need.AmountUsd.ToString(Invariant)),
        CriterionKeys.NeedType => NeedType(need, partner),
        CriterionKeys.Region => Vocabulary.Regions.Canonical(need.SmeRegion) is { } region
            ? new(criterion, AdviceSide.Partner, AdviceKind.AddTargetRegion, region)
            : null,
        CriterionKeys.Export => new(criterion, AdviceSide.Sme, AdviceKind.BecomeExportOriented, ""),
        CriterionKeys.Jobs => new(criterion, AdviceSide.Sme, AdviceKind.CreateJobs, FullJobs.ToString(Invariant)),
        CriterionKeys.Language => Language(need, partner),
        CriterionKeys.Certification => Certification(need, partner),
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, "Unknown criterion."),
    };

    /// <summary>The inputs with this change made.</summary>
    public (NeedInput Need, PartnerInput Partner) ApplyTo(NeedInput need, PartnerInput partner) => (Kind, Side) switch
    {
        (AdviceKind.AddSector, AdviceSide.Sme) => (need with { Sectors = [.. need.Sectors, Value] }, partner),
        (AdviceKind.AddSector, _) => (need, partner with { Sectors = [.. partner.Sectors, Value] }),
        (AdviceKind.AcceptAmount, _) => (need, AcceptAmount(partner, decimal.Parse(Value, Invariant))),
        (AdviceKind.AddOffering, _) => (need, partner with { Offerings = [.. partner.Offerings, Value] }),
        (AdviceKind.AddTargetRegion, _) => (need, partner with { TargetRegions = [.. partner.TargetRegions, Value] }),
        (AdviceKind.BecomeExportOriented, _) => (need with { SmeExportOriented = true }, partner),
        (AdviceKind.CreateJobs, _) => (need with { JobsToCreate = int.Parse(Value, Invariant) }, partner),
        (AdviceKind.AddLanguage, AdviceSide.Sme) => (need with { SmeLanguages = [.. need.SmeLanguages, Value] }, partner),
        (AdviceKind.AddLanguage, _) => (need, partner with { Languages = [.. partner.Languages, Value] }),
        (AdviceKind.AddCertification, _) => (need with { SmeCertifications = [.. need.SmeCertifications, Value] }, partner),
        _ => throw new InvalidOperationException($"No way to apply {Kind}."),
    };

    /// <summary>The partner takes up the need's first division; when the need names none, the SME names the partner's on it.</summary>
    private static AdvisedChange? Sector(NeedInput need, PartnerInput partner)
    {
        if (FirstDivision(need.Sectors) is { } own)
            return new(CriterionKeys.Sector, AdviceSide.Partner, AdviceKind.AddSector, own.Code);
        return FirstDivision(partner.Sectors) is { } theirs
            ? new(CriterionKeys.Sector, AdviceSide.Sme, AdviceKind.AddSector, theirs.Code)
            : null;
    }

    private static AdvisedChange? NeedType(NeedInput need, PartnerInput partner)
    {
        var offered = new HashSet<string>(Vocabulary.Distinct(partner.Offerings), StringComparer.OrdinalIgnoreCase);
        var missing = Vocabulary.Distinct(need.NeedTypes)
            .Select(Vocabulary.NeedTypes.Canonical)
            .OfType<string>()
            .FirstOrDefault(type => !offered.Contains(type));
        return missing is null ? null : new(CriterionKeys.NeedType, AdviceSide.Partner, AdviceKind.AddOffering, missing);
    }

    /// <summary>The SME takes up the partner's first language; when the partner names none it knows, the partner takes the SME's.</summary>
    private static AdvisedChange? Language(NeedInput need, PartnerInput partner)
    {
        if (FirstLanguage(partner.Languages) is { } theirs)
            return new(CriterionKeys.Language, AdviceSide.Sme, AdviceKind.AddLanguage, theirs);
        return FirstLanguage(need.SmeLanguages) is { } own
            ? new(CriterionKeys.Language, AdviceSide.Partner, AdviceKind.AddLanguage, own)
            : null;
    }

    private static AdvisedChange? Certification(NeedInput need, PartnerInput partner)
    {
        var held = new HashSet<string>(Vocabulary.Distinct(need.SmeCertifications), StringComparer.OrdinalIgnoreCase);
        var missing = Vocabulary.Distinct(partner.RequiredCertifications).FirstOrDefault(name => !held.Contains(name));
        return missing is null ? null : new(CriterionKeys.Certification, AdviceSide.Sme, AdviceKind.AddCertification, missing);
    }

    /// <summary>The range stretched to the amount at the bound it lies beyond.</summary>
    private static PartnerInput AcceptAmount(PartnerInput partner, decimal amount) =>
        amount < partner.MinUsd ? partner with { MinUsd = amount } : partner with { MaxUsd = amount };

    private static IsicDivision? FirstDivision(IEnumerable<string> codes)
    {
        foreach (var code in codes)
        {
            if (IsicDivision.TryParse(code, out var division))
                return division;
        }

        return null;
    }

    private static string? FirstLanguage(IEnumerable<string> codes) =>
        Vocabulary.Distinct(codes).Select(Vocabulary.Languages.Canonical).OfType<string>().FirstOrDefault();
}
