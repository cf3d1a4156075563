using System.Numerics;
using System.Runtime.CompilerServices;

namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>
/// A scoring profile compiled for scoring many pairs: per-criterion contributions are precomputed
/// wherever a criterion can only take a few values, and the fast path never allocates.
/// </summary>
internal sealed partial class Scorer
{
    private const int Sector = 0, Ticket = 1, NeedType = 2, Region = 3, Export = 4, Jobs = 5, Language = 6, Certification = 7;
    private const int CriterionCount = 8;
    private const int TabulatedRequirements = 8;

    private readonly double[] _weights = new double[CriterionCount];
    private readonly bool[] _enabled = new bool[CriterionCount];
    private readonly int _requiredMask;
    private readonly double _totalWeight;

    private readonly double _sectorHalf, _sectorFull;
    private readonly double _regionOpen, _regionTargeted;
    private readonly double _exportMet, _languageShared, _noCertificationRequired;
    private readonly double[] _certificationByHeld = new double[(TabulatedRequirements + 1) * (TabulatedRequirements + 1)];

    public Scorer(ScoringProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;

        var seen = new HashSet<string>();
        foreach (var setting in profile.Criteria)
        {
            var index = CriterionKeys.IndexOf(setting.Key);
            if (index < 0)
                throw new ArgumentException($"Unknown criterion '{setting.Key}'.", nameof(profile));
            if (!seen.Add(setting.Key))
                throw new ArgumentException($"Criterion '{setting.Key}' appears twice.", nameof(profile));
            if (!double.IsFinite(setting.Weight) || setting.Weight < 0)
                throw new ArgumentException($"Criterion '{setting.Key}' needs a finite weight of at least 0.", nameof(profile));
            if (!setting.Enabled)
                continue;

            _enabled[index] = true;
            _weights[index] = setting.Weight;
            if (setting.Required)
                _requiredMask |= 1 << index;
        }

        for (var index = 0; index < CriterionCount; index++)
            _totalWeight += _weights[index];
        if (!(_totalWeight > 0))
            throw new ArgumentException("The enabled criteria must have weights adding up to more than 0.", nameof(profile));

        // Each precomputed value is written as weight × criterion score, exactly as Explain computes it.
        _sectorHalf = _weights[Sector] * 0.5;
        _sectorFull = _weights[Sector] * 1.0;
        _regionOpen = _weights[Region] * CriterionMath.OpenRegion;
        _regionTargeted = _weights[Region] * 1.0;
        _exportMet = _weights[Export] * 1.0;
        _languageShared = _weights[Language] * 1.0;
        _noCertificationRequired = _weights[Certification] * 1.0;
        for (var required = 1; required <= TabulatedRequirements; required++)
        {
            for (var held = 0; held <= required; held++)
                _certificationByHeld[required * (TabulatedRequirements + 1) + held] = _weights[Certification] * CriterionMath.Share(held, required);
        }
    }

    public ScoringProfile Profile { get; }

    public PairScore Score(in NeedVector need, in PartnerVector partner)
    {
        var terms = new NeedTerms(this, need);
        return Score(need, terms, partner);
    }

    /// <summary>Scores one need against many partners; <paramref name="results"/>[i] belongs to <paramref name="partners"/>[i].</summary>
    public void Score(in NeedVector need, ReadOnlySpan<PartnerVector> partners, Span<PairScore> results)
    {
        if (results.Length < partners.Length)
            throw new ArgumentException("There must be a result slot for every partner.", nameof(results));

        var terms = new NeedTerms(this, need);
        for (var i = 0; i < partners.Length; i++)
            results[i] = Score(need, terms, partners[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private PairScore Score(in NeedVector n, in NeedTerms terms, in PartnerVector p)
    {
        var sectorLevel = ((n.Divisions & p.Divisions) != UInt128.Zero ? 1 : 0) + ((n.Sections & p.Sections) != 0 ? 1 : 0);
        var sector = sectorLevel == 2 ? _sectorFull : sectorLevel == 1 ? _sectorHalf : 0;

        var ticketScore = CriterionMath.Ticket(n.LogAmount, p.LogMinUsd, p.LogMaxUsd);
        var ticket = _weights[Ticket] * ticketScore;

        var offered = BitOperations.PopCount(n.NeedTypes & p.Offerings);
        var needType = terms.NeedTypeByOffered[offered];

        var regionMissed = p.HasTargetRegions && (n.Region & p.TargetRegions) == 0;
        var region = !p.HasTargetRegions ? _regionOpen : regionMissed ? 0 : _regionTargeted;

        var export = p.SeeksExportOriented ? terms.ExportWhenSought : _exportMet;

        var languageShared = (n.Languages & p.Languages) != 0;
        var language = languageShared ? _languageShared : 0;

        double certification;
        var certificationMissed = false;
        if (p.RequiredCertificationCount == 0)
        {
            certification = _noCertificationRequired;
        }
        else
        {
            var held = BitOperations.PopCount(n.Certifications & p.RequiredCertifications);
            if (p.UncataloguedCertifications is not null)
                held += CountHeld(n.CertificationNames, p.UncataloguedCertifications);
            certification = p.RequiredCertificationCount <= TabulatedRequirements
                ? _certificationByHeld[p.RequiredCertificationCount * (TabulatedRequirements + 1) + held]
                : _weights[Certification] * CriterionMath.Share(held, p.RequiredCertificationCount);
            certificationMissed = held == 0;
        }

        var sum = sector + ticket + needType + region + export + terms.Jobs + language + certification;

        var zeros = terms.ZeroCriteria
            | (sectorLevel == 0 ? 1 << Sector : 0)
            | (ticketScore == 0 ? 1 << Ticket : 0)
            | (offered == 0 ? 1 << NeedType : 0)
            | (regionMissed ? 1 << Region : 0)
            | (p.SeeksExportOriented ? terms.ExportZeroWhenSought : 0)
            | (languageShared ? 0 : 1 << Language)
            | (certificationMissed ? 1 << Certification : 0);

        return (zeros & _requiredMask) != 0
            ? PairScore.Excluded
            : new PairScore(CriterionMath.ToTenths(100 * sum / _totalWeight));
    }

    private static int CountHeld(string[] held, string[] required)
    {
        var count = 0;
        foreach (var name in required)
        {
            foreach (var candidate in held)
            {
                if (string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase))
                {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    [InlineArray(7)]
    private struct ByOffered
    {
        private double _element;
    }

    /// <summary>Everything about the pair's score that depends on the need alone.</summary>
    private readonly struct NeedTerms
    {
        public readonly ByOffered NeedTypeByOffered;
        public readonly double ExportWhenSought;
        public readonly int ExportZeroWhenSought;
        public readonly double Jobs;
        public readonly int ZeroCriteria;

        public NeedTerms(Scorer scorer, in NeedVector need)
        {
            var weights = scorer._weights;
            var known = BitOperations.PopCount(need.NeedTypes);
            for (var offered = 0; offered <= known; offered++)
                NeedTypeByOffered[offered] = weights[NeedType] * CriterionMath.Share(offered, need.NeedTypeCount);

            ExportWhenSought = weights[Export] * (need.ExportOriented ? 1.0 : 0.0);
            ExportZeroWhenSought = need.ExportOriented ? 0 : 1 << Export;
            Jobs = weights[Scorer.Jobs] * need.Jobs;
            ZeroCriteria = need.Jobs == 0 ? 1 << Scorer.Jobs : 0;
        }
    }
}
