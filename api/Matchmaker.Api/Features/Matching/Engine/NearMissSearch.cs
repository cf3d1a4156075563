namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>
/// Finds the pairs a need narrowly misses under a profile: scoring below <c>minScore</c> by at most
/// <see cref="Window"/> points, or excluded by exactly one required criterion. Both tests run on the fast
/// path: a scorer that requires nothing gives an excluded pair's weighted score, and one scorer per
/// required criterion, requiring that criterion alone, tells which of them exclude it.
/// </summary>
internal sealed class NearMissSearch
{
    public const decimal Window = 15m;

    private readonly Scorer _strict;
    private readonly Scorer _lenient;
    private readonly (string Key, Scorer Alone)[] _required;
    private readonly short _lowestTenths;
    private readonly short _qualifyingTenths;

    public NearMissSearch(ScoringProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _strict = new Scorer(profile);
        _lenient = new Scorer(RequiringOnly(profile, null));
        _required = profile.Criteria
            .Where(c => c is { Enabled: true, Required: true })
            .Select(c => (c.Key, new Scorer(RequiringOnly(profile, c.Key))))
            .ToArray();
        _qualifyingTenths = PairScore.QualifyingTenths(profile.MinScore);
        _lowestTenths = PairScore.QualifyingTenths(Math.Max(0, profile.MinScore - Window));
    }

    /// <summary>The profile's own scorer, for explaining and advising what this finds.</summary>
    public Scorer Scorer => _strict;

    /// <summary>Every near miss of <paramref name="need"/> among <paramref name="partners"/>, best first (ties: lower partner id first).</summary>
    public IReadOnlyList<(PartnerInput Partner, NearMiss Miss)> Find(NeedInput need, IReadOnlyList<PartnerInput> partners)
    {
        var encoder = new VectorEncoder();
        var vectors = partners.Select(encoder.Encode).ToArray();
        return Find(encoder.Encode(need), partners, vectors);
    }

    /// <param name="vectors"><paramref name="partners"/> in their order, encoded by the encoder that encoded <paramref name="need"/>.</param>
    public IReadOnlyList<(PartnerInput Partner, NearMiss Miss)> Find(in NeedVector need, IReadOnlyList<PartnerInput> partners, ReadOnlySpan<PartnerVector> vectors)
    {
        if (vectors.Length != partners.Count)
            throw new ArgumentException("There must be a vector for every partner.", nameof(vectors));
        var found = new List<(PartnerInput Partner, NearMiss Miss)>();
        for (var i = 0; i < vectors.Length; i++)
        {
            if (Check(need, vectors[i]) is { } miss)
                found.Add((partners[i], miss));
        }

        found.Sort((a, b) => a.Miss.Tenths != b.Miss.Tenths ? b.Miss.Tenths.CompareTo(a.Miss.Tenths) : a.Partner.Id.CompareTo(b.Partner.Id));
        return found;
    }

    /// <returns>The near miss the pair is, or null when it qualifies, scores lower, or more than one required criterion excludes it.</returns>
    public NearMiss? Check(in NeedVector need, in PartnerVector partner)
    {
        var score = _strict.Score(need, partner);
        if (!score.IsExcluded)
            return score.Tenths >= _lowestTenths && score.Tenths < _qualifyingTenths ? new NearMiss(score.Tenths, null) : null;

        string? missing = null;
        foreach (var (key, alone) in _required)
        {
            if (!alone.Score(need, partner).IsExcluded)
                continue;
            if (missing is not null)
                return null;
            missing = key;
        }

        return missing is null ? null : new NearMiss(_lenient.Score(need, partner).Tenths, missing);
    }

    private static ScoringProfile RequiringOnly(ScoringProfile profile, string? key) =>
        profile with { Criteria = [.. profile.Criteria.Select(c => c with { Required = c.Key == key && c.Required })] };
}

/// <param name="Tenths">The pair's weighted score in tenths, counted even when a required criterion excludes it.</param>
/// <param name="Missing">The one required criterion that excludes the pair; null for a pair that scores just too low.</param>
internal readonly record struct NearMiss(short Tenths, string? Missing);
