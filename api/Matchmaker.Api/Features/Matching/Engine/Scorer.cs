using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>
/// A scoring profile compiled for scoring many pairs. Every criterion that can only take a few
/// values is looked up in a table of precomputed contributions, so the fast path has no
/// data-dependent branches (random pairs would mispredict them) and never allocates.
/// </summary>
internal sealed partial class Scorer
{
    private const int Sector = 0, Ticket = 1, NeedType = 2, Region = 3, Export = 4, Jobs = 5, Language = 6, Certification = 7;
    private const int CriterionCount = 8;
    private const int TabulatedRequirements = 8;
    private const int CertificationRow = TabulatedRequirements + 1;
    private const uint KnownNeedTypes = (1u << Vocabulary.NeedTypeCount) - 1;

    // Stands for "a required criterion scored 0". Eight of them still add up to a finite sum far
    // below any real one (weights are capped), and adding -0.0 (0 × this) changes no sum.
    private const double Excluding = -1e300;
    private const double MaxWeight = 1e9;

    private readonly double[] _weights = new double[CriterionCount];
    private readonly bool[] _enabled = new bool[CriterionCount];
    private readonly int _requiredMask;
    private readonly double _totalWeight;
    private readonly double _nanoPointsPerWeight;

    private readonly double _ticketWeight;
    private readonly bool _ticketRequired;
    private readonly double _certificationWeight;
    private readonly Three _sectorByLevel;
    private readonly Three _regionByLevel;
    private readonly Two _languageByShared;
    private readonly CertificationTable _certificationByHeld;

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
            if (!(setting.Weight is >= 0 and <= MaxWeight))
                throw new ArgumentException($"Criterion '{setting.Key}' needs a weight from 0 to {MaxWeight:0e0}.", nameof(profile));
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
        _nanoPointsPerWeight = CriterionMath.NanoPointsPerWeight(_totalWeight);

        // Each entry is written as weight × criterion score, exactly as Explain computes it, so
        // both paths add up the same doubles.
        _ticketWeight = _weights[Ticket];
        _ticketRequired = IsRequired(Ticket);
        _certificationWeight = _weights[Certification];
        _sectorByLevel[0] = IfRequired(Sector);
        _sectorByLevel[1] = _weights[Sector] * 0.5;
        _sectorByLevel[2] = _weights[Sector] * 1.0;
        _regionByLevel[0] = _weights[Region] * CriterionMath.OpenRegion;
        _regionByLevel[1] = IfRequired(Region);
        _regionByLevel[2] = _weights[Region] * 1.0;
        _languageByShared[0] = IfRequired(Language);
        _languageByShared[1] = _weights[Language] * 1.0;
        _certificationByHeld[0] = _weights[Certification] * 1.0;
        for (var required = 1; required <= TabulatedRequirements; required++)
        {
            _certificationByHeld[required * CertificationRow] = IfRequired(Certification);
            for (var held = 1; held <= required; held++)
                _certificationByHeld[required * CertificationRow + held] = _weights[Certification] * CriterionMath.Share(held, required);
        }
    }

    public ScoringProfile Profile { get; }

    /// <summary>One pair; for many partners of one need the batch overload is faster, as this redoes the need's share of the work.</summary>
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
        results = results[..partners.Length];
        for (var i = 0; i < results.Length; i++)
            results[i] = Score(need, terms, partners[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private PairScore Score(in NeedVector n, in NeedTerms terms, in PartnerVector p)
    {
        // First, so that the rare call for certifications beyond the table has nothing else live
        // across it to spill.
        var required = p.RequiredCertificationCount;
        var certification = required <= TabulatedRequirements && p.UncataloguedCertifications is null
            ? _certificationByHeld[required * CertificationRow + BitOperations.PopCount(n.Certifications & p.RequiredCertifications)]
            : UntabulatedCertification(n, p);

        var sectorLevel = Flag(Overlap(n.Divisions, p.Divisions)) + Flag(Overlap(n.SectionDivisions, p.Divisions));

        var ticketScore = CriterionMath.Ticket(n.LogAmount, p.LogMinUsd, p.LogMaxUsd);
        var ticket = _ticketWeight * ticketScore;
        if (_ticketRequired)
            ticket += Excluding * Flag(ticketScore == 0);

        var offered = BitOperations.PopCount(n.NeedTypes & p.Offerings & KnownNeedTypes);

        // No targets: level 0. Targets that include the SME's region: 2 (an empty mask never hits).
        var regionLevel = Flag(p.HasTargetRegions) + Flag((n.Region & p.TargetRegions) != 0);

        var sum = CriterionMath.Sum(
            At(_sectorByLevel, sectorLevel),
            ticket,
            At(terms.NeedTypeByOffered, offered),
            At(_regionByLevel, regionLevel),
            At(terms.ExportBySought, Flag(p.SeeksExportOriented)),
            terms.Jobs,
            At(_languageByShared, Flag((n.Languages & p.Languages) != 0)),
            certification);

        var excluded = Flag(sum < 0);
        return new PairScore((short)(CriterionMath.ToTenths(sum, _nanoPointsPerWeight) | -excluded));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private double UntabulatedCertification(in NeedVector n, in PartnerVector p)
    {
        var required = p.RequiredCertificationCount;
        var held = BitOperations.PopCount(n.Certifications & p.RequiredCertifications);
        if (p.UncataloguedCertifications is not null)
            held += CountHeld(n.CertificationNames, p.UncataloguedCertifications);
        return held == 0 && required > 0
            ? IfRequired(Certification)
            : _certificationWeight * CriterionMath.Share(held, required);
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

    private bool IsRequired(int criterion) => (_requiredMask & (1 << criterion)) != 0;

    /// <summary>The entry for a criterion scoring 0: nothing, unless it is required.</summary>
    private double IfRequired(int criterion) => IsRequired(criterion) ? Excluding : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Flag(bool value) => value ? 1 : 0;

    // UInt128's own != compiles to a branch per half.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Overlap(UInt128 a, UInt128 b)
    {
        var both = a & b;
        return ((ulong)both | (ulong)(both >> 64)) != 0;
    }

    // Every index used here is in range by construction (a level of 0–2, a flag, a popcount of
    // the need-type bits into one entry per count), so the bounds check would only cost time.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double At(ReadOnlySpan<double> table, int index) =>
        Unsafe.Add(ref MemoryMarshal.GetReference(table), (nint)(uint)index);

    [InlineArray(2)]
    private struct Two
    {
        private double _element;
    }

    [InlineArray(3)]
    private struct Three
    {
        private double _element;
    }

    [InlineArray(Vocabulary.NeedTypeCount + 1)]
    private struct ByOffered
    {
        private double _element;
    }

    /// <summary>Row = certifications required (row 0: none, scoring 1), column = how many the SME holds.</summary>
    [InlineArray(CertificationRow * CertificationRow)]
    private struct CertificationTable
    {
        private double _element;
    }

    /// <summary>Everything about the pair's score that depends on the need alone.</summary>
    private readonly struct NeedTerms
    {
        public readonly ByOffered NeedTypeByOffered;
        public readonly Two ExportBySought;
        public readonly double Jobs;

        public NeedTerms(Scorer scorer, in NeedVector need)
        {
            var weights = scorer._weights;
            NeedTypeByOffered[0] = scorer.IfRequired(NeedType);
            var known = BitOperations.PopCount(need.NeedTypes & KnownNeedTypes);
            for (var offered = 1; offered <= known; offered++)
                NeedTypeByOffered[offered] = weights[NeedType] * CriterionMath.Share(offered, need.NeedTypeCount);

            ExportBySought[0] = weights[Export] * 1.0;
            ExportBySought[1] = need.ExportOriented ? weights[Export] * 1.0 : scorer.IfRequired(Export);
            Jobs = need.Jobs == 0 ? scorer.IfRequired(Scorer.Jobs) : weights[Scorer.Jobs] * need.Jobs;
        }
    }
}
