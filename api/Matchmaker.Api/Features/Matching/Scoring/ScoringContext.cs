using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Api.Features.Matching.Scoring;

/// <summary>
/// One profile compiled for scoring against a fixed set of partners. When the sector criterion is
/// required, a need's candidates are narrowed to partners sharing an ISIC section with it before
/// any scoring, since every other partner would be excluded anyway. A partner that is not listed
/// (<see cref="PartnerInput.Listed"/>) scores as excluded, except in the pairs someone acted on.
/// </summary>
internal sealed class ScoringContext
{
    private readonly VectorEncoder encoder = new();
    private readonly PartnerVector[] partnerVectors;
    private readonly uint[] partnerSections;
    private readonly bool[] partnerListed;
    private readonly bool allListed;
    private readonly bool narrowBySector;
    private readonly short qualifyingTenths;

    public ScoringContext(ScoringProfile profile, IReadOnlyList<PartnerInput> partners)
    {
        Profile = profile;
        Scorer = new Scorer(profile);
        Partners = partners;
        partnerVectors = partners.Select(encoder.Encode).ToArray();
        partnerSections = partners.Select(p => Sections(p.Sectors)).ToArray();
        partnerListed = partners.Select(p => p.Listed).ToArray();
        allListed = Array.TrueForAll(partnerListed, listed => listed);
        narrowBySector = profile.Criteria.Any(c => c is { Key: CriterionKeys.Sector, Enabled: true, Required: true, Weight: > 0 });
        qualifyingTenths = PairScore.QualifyingTenths(profile.MinScore);
    }

    public ScoringProfile Profile { get; }

    public Scorer Scorer { get; }

    public IReadOnlyList<PartnerInput> Partners { get; }

    /// <summary>Scores one need against the candidate partners; <paramref name="always"/> partner indexes are scored even outside the narrowing.</summary>
    public void ScoreNeed(NeedInput need, List<(int Index, PairScore Score)> into, IReadOnlySet<long>? always = null)
    {
        into.Clear();
        var vector = encoder.Encode(need);
        var needSections = Sections(need.Sectors);
        for (var i = 0; i < partnerVectors.Length; i++)
        {
            if (((narrowBySector && (partnerSections[i] & needSections) == 0) || !partnerListed[i]) && !(always?.Contains(Partners[i].Id) ?? false))
                continue;
            into.Add((i, Scorer.Score(vector, partnerVectors[i])));
        }
    }

    /// <summary>A need encoded once for scoring against many partner blocks.</summary>
    public PreparedNeed Prepare(NeedInput need) => new(encoder.Encode(need), Sections(need.Sectors));

    /// <summary>
    /// Scores a prepared need against consecutive partners from <paramref name="start"/>; a partner outside the
    /// narrowing scores as excluded, as <see cref="ScoreNeed"/> leaves it out, unless it is one of <paramref name="always"/> (partner indexes).
    /// </summary>
    public void ScoreRow(in PreparedNeed need, int start, Span<PairScore> into, IReadOnlyCollection<int>? always = null)
    {
        Scorer.Score(need.Vector, partnerVectors.AsSpan(start, into.Length), into);
        if (!narrowBySector && allListed)
            return;
        for (var k = 0; k < into.Length; k++)
        {
            if ((narrowBySector && (partnerSections[start + k] & need.Sections) == 0) || !partnerListed[start + k])
                into[k] = PairScore.Excluded;
        }
        if (always is null)
            return;
        foreach (var index in always)
        {
            if (index >= start && index < start + into.Length)
                into[index - start] = Scorer.Score(need.Vector, partnerVectors[index]);
        }
    }

    public bool IsEligible(PairScore score) => score.Qualifies(qualifyingTenths);

    public MatchScore Explain(NeedInput need, PartnerInput partner) => Scorer.Explain(need, partner);

    /// <summary>
    /// The score stored for a kept pair, from the fast path. A pair kept only because someone acted on it
    /// may now be excluded by a required criterion; it keeps the weighted score all the same.
    /// </summary>
    public decimal StoredScore(in PreparedNeed prepared, NeedInput need, int partnerIndex)
    {
        var fast = Scorer.Score(prepared.Vector, partnerVectors[partnerIndex]);
        var tenths = fast.IsExcluded ? Explain(need, Partners[partnerIndex]).Score * 10 : fast.Tenths;
        return (decimal)Math.Round(tenths) / 10m;
    }

    private static uint Sections(IEnumerable<string> sectors)
    {
        uint mask = 0;
        foreach (var code in sectors)
        {
            if (code.Length > 0 && code[0] is >= 'A' and <= 'Z')
                mask |= 1u << (code[0] - 'A');
        }

        return mask;
    }
}

internal readonly record struct PreparedNeed(NeedVector Vector, uint Sections);
