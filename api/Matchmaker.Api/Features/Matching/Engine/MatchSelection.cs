namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>
/// Decides which scored pairs are stored (SCORING.md, "Which pairs are stored"): a pair at or above
/// the minimum score that is among its need's best <c>maxPerNeed</c> partners or its partner's best
/// <c>maxPerPartner</c> needs, ties going to the lower id on the other side; and every pair someone
/// acted on. Needs are fed one at a time; memory stays within the caps, never the full product.
/// </summary>
internal sealed class MatchSelection
{
    // A need's cutoff is the worst pair it kept; these two stand for "kept every eligible pair" and "kept none".
    private static readonly BestOf.Entry AdmitsAll = new(long.MaxValue, short.MinValue, false);
    private static readonly BestOf.Entry AdmitsNone = new(long.MinValue, short.MaxValue, false);

    private readonly short _minTenths;
    private readonly int _maxPerPartner;
    private readonly BestOf _needBest;
    private readonly Dictionary<long, BestOf> _partnerBest = [];
    private readonly Dictionary<long, BestOf.Entry> _needCutoffs = [];
    private readonly List<ScoredPair> _kept = [];

    public MatchSelection(decimal minScore, int maxPerNeed, int maxPerPartner)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxPerNeed);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPerPartner);
        _minTenths = (short)Math.Clamp(Math.Ceiling(minScore * 10), 0, 1000);
        _maxPerPartner = maxPerPartner;
        _needBest = new BestOf(maxPerNeed);
    }

    public static MatchSelection For(ScoringProfile profile) =>
        new(profile.MinScore, profile.MaxPerNeed, profile.MaxPerPartner);

    /// <summary>Adds every scored candidate of one need; each need is added once.</summary>
    public void AddNeed(long needId, ReadOnlySpan<ScoredPair> candidates)
    {
        if (_needCutoffs.ContainsKey(needId))
            throw new InvalidOperationException($"Need {needId} was already added.");

        _needBest.Clear();
        var eligible = 0;
        foreach (var pair in candidates)
        {
            if (pair.NeedId != needId)
                throw new ArgumentException($"Pair ({pair.NeedId}, {pair.PartnerId}) does not belong to need {needId}.", nameof(candidates));
            if (!IsEligible(pair))
                continue;

            eligible++;
            _needBest.Offer(new(pair.PartnerId, pair.Score.Tenths, pair.ActedOn));
            PartnerBest(pair.PartnerId).Offer(new(needId, pair.Score.Tenths, pair.ActedOn));
        }

        var cutoff = eligible <= _needBest.Count ? AdmitsAll : _needBest.Count == 0 ? AdmitsNone : _needBest.Worst;
        _needCutoffs[needId] = cutoff;

        foreach (var entry in _needBest.Entries)
            _kept.Add(new(needId, entry.OtherId, new PairScore(entry.Tenths), entry.ActedOn));
        foreach (var pair in candidates)
        {
            if (pair.ActedOn && !(IsEligible(pair) && Admits(cutoff, pair.PartnerId, pair.Score.Tenths)))
                _kept.Add(pair);
        }
    }

    /// <summary>The pairs to store: each need's kept pairs, then those kept only for their partner.</summary>
    public IReadOnlyList<ScoredPair> Select()
    {
        var result = new List<ScoredPair>(_kept);
        foreach (var (partnerId, best) in _partnerBest)
        {
            foreach (var entry in best.Entries)
            {
                var alreadyKept = entry.ActedOn || Admits(_needCutoffs[entry.OtherId], partnerId, entry.Tenths);
                if (!alreadyKept)
                    result.Add(new(entry.OtherId, partnerId, new PairScore(entry.Tenths), ActedOn: false));
            }
        }
        return result;
    }

    private static bool Admits(BestOf.Entry cutoff, long partnerId, short tenths) =>
        tenths > cutoff.Tenths || (tenths == cutoff.Tenths && partnerId <= cutoff.OtherId);

    private bool IsEligible(ScoredPair pair) => !pair.Score.IsExcluded && pair.Score.Tenths >= _minTenths;

    private BestOf PartnerBest(long partnerId)
    {
        if (!_partnerBest.TryGetValue(partnerId, out var best))
            _partnerBest[partnerId] = best = new BestOf(_maxPerPartner);
        return best;
    }
}
