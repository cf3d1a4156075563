using System.Globalization;

namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>
/// Each criterion of the scoring contract (Features/Matching/README.md) evaluated on plain inputs, with the reason an SME reads. This is the
/// readable statement of the rules; the fast path in <see cref="Scorer"/> must agree with it.
/// </summary>
internal static class Criteria
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static CriterionOutcome Evaluate(string key, NeedInput need, PartnerInput partner) => key switch
    {
        CriterionKeys.Sector => Sector(need, partner),
        CriterionKeys.Ticket => Ticket(need, partner),
        CriterionKeys.NeedType => NeedType(need, partner),
        CriterionKeys.Region => Region(need, partner),
        CriterionKeys.Export => Export(need, partner),
        CriterionKeys.Jobs => Jobs(need),
        CriterionKeys.Language => Language(need, partner),
        CriterionKeys.Certification => Certification(need, partner),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown criterion."),
    };

    public static CriterionOutcome Sector(NeedInput need, PartnerInput partner)
    {
        var own = Divisions(need.Sectors);
        var theirs = Divisions(partner.Sectors);
        if (own.Count == 0)
            return new(0, "sector: the need names no known ISIC division");
        if (theirs.Count == 0)
            return new(0, "sector: the partner names no known ISIC division");

        foreach (var mine in own)
        {
            foreach (var other in theirs)
            {
                if (mine.Number == other.Number)
                    return new(1, $"sector: {mine.Code} matches partner division {other.Code}");
            }
        }
        foreach (var mine in own)
        {
            foreach (var other in theirs)
            {
                if (mine.Section == other.Section)
                    return new(0.5, $"sector: {mine.Code} shares section {mine.Section} with partner division {other.Code}");
            }
        }
        return new(0, $"sector: {List(own.Select(d => d.Code))} shares no section with partner divisions {List(theirs.Select(d => d.Code))}");
    }

    public static CriterionOutcome Ticket(NeedInput need, PartnerInput partner)
    {
        var amount = CriterionMath.Log10Usd(need.AmountUsd);
        var min = CriterionMath.Log10Usd(partner.MinUsd);
        var max = CriterionMath.Log10Usd(partner.MaxUsd);
        var score = CriterionMath.Ticket(amount, min, max);
        var usd = Usd(need.AmountUsd);
        if (amount < min)
            return new(score, $"ticket: {usd} USD below partner minimum {Usd(partner.MinUsd)}");
        if (amount > max)
            return new(score, $"ticket: {usd} USD above partner maximum {Usd(partner.MaxUsd)}");
        return new(score, $"ticket: {usd} USD within {Usd(partner.MinUsd)}–{Usd(partner.MaxUsd)}");
    }

    public static CriterionOutcome NeedType(NeedInput need, PartnerInput partner)
    {
        var wanted = Vocabulary.Distinct(need.NeedTypes);
        if (wanted.Count == 0)
            return new(0, "need_type: the need names no need types");

        var offerings = new HashSet<string>(Vocabulary.Distinct(partner.Offerings), StringComparer.OrdinalIgnoreCase);
        var offered = wanted
            .Where(type => Vocabulary.NeedTypes.TryGetBit(type, out _) && offerings.Contains(type))
            .Select(type => Vocabulary.NeedTypes.Canonical(type)!)
            .ToList();
        var noun = wanted.Count == 1 ? "need type" : "need types";
        var reason = offered.Count == 0
            ? $"need_type: 0 of {wanted.Count} {noun} offered"
            : $"need_type: {offered.Count} of {wanted.Count} {noun} offered ({List(offered)})";
        return new(CriterionMath.Share(offered.Count, wanted.Count), reason);
    }

    public static CriterionOutcome Region(NeedInput need, PartnerInput partner)
    {
        var targets = Vocabulary.Distinct(partner.TargetRegions);
        if (targets.Count == 0)
            return new(CriterionMath.OpenRegion, "region: partner names no target regions");

        var region = Vocabulary.Regions.Canonical(need.SmeRegion);
        if (region is not null && targets.Contains(region, StringComparer.OrdinalIgnoreCase))
            return new(1, $"region: partner targets {region}");
        return new(0, $"region: partner targets {List(targets)}, not {need.SmeRegion?.Trim()}");
    }

    public static CriterionOutcome Export(NeedInput need, PartnerInput partner)
    {
        if (!partner.SeeksExportOriented)
            return new(1, "export: partner does not ask for export orientation");
        return need.SmeExportOriented
            ? new(1, "export: partner seeks export-oriented SMEs and this SME is one")
            : new(0, "export: partner seeks export-oriented SMEs and this SME is not one");
    }

    public static CriterionOutcome Jobs(NeedInput need)
    {
        var score = CriterionMath.Jobs(need.JobsToCreate);
        return need.JobsToCreate switch
        {
            <= 0 => new(score, "jobs: no jobs to create"),
            1 => new(score, "jobs: 1 job to create"),
            var jobs => new(score, string.Create(Invariant, $"jobs: {jobs:#,0} jobs to create")),
        };
    }

    public static CriterionOutcome Language(NeedInput need, PartnerInput partner)
    {
        var own = Known(Vocabulary.Languages, need.SmeLanguages);
        var theirs = Known(Vocabulary.Languages, partner.Languages);
        var shared = own.Intersect(theirs).ToList();
        if (shared.Count > 0)
            return new(1, $"language: both use {List(shared)}");
        return new(0, $"language: no shared language (SME: {ListOrNone(own)}; partner: {ListOrNone(theirs)})");
    }

    public static CriterionOutcome Certification(NeedInput need, PartnerInput partner)
    {
        var required = Vocabulary.Distinct(partner.RequiredCertifications);
        if (required.Count == 0)
            return new(1, "certification: partner requires none");

        var owned = new HashSet<string>(Vocabulary.Distinct(need.SmeCertifications), StringComparer.OrdinalIgnoreCase);
        var missing = required.Where(name => !owned.Contains(name)).ToList();
        var held = required.Count - missing.Count;
        var reason = $"certification: SME holds {held} of {required.Count} required";
        if (missing.Count > 0)
            reason += $" (missing {List(missing)})";
        return new(CriterionMath.Share(held, required.Count), reason);
    }

    private static List<IsicDivision> Divisions(IEnumerable<string> codes)
    {
        var divisions = new List<IsicDivision>();
        foreach (var code in codes)
        {
            if (IsicDivision.TryParse(code, out var division) && !divisions.Contains(division))
                divisions.Add(division);
        }
        return divisions;
    }

    private static List<string> Known(CodeSet set, IEnumerable<string> codes) =>
        Vocabulary.Distinct(codes).Select(set.Canonical).OfType<string>().ToList();

    private static string Usd(decimal amount) => amount.ToString("#,0.##", Invariant);

    private static string List(IEnumerable<string> items) => string.Join(", ", items);

    private static string ListOrNone(IReadOnlyCollection<string> items) => items.Count == 0 ? "none" : List(items);
}
