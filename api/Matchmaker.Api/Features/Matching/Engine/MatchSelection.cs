using System.Runtime.InteropServices;

namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>
/// Decides which scored pairs are stored (Features/Matching/README.md, "Which pairs are stored"): a pair at or above
/// the minimum score that is among its need's best <c>maxPerNeed</c> partners or its partner's best
/// <c>maxPerPartner</c> needs, ties going to the lower id on the other side; and every pair someone
/// acted on. Needs are fed one at a time; memory stays within the caps plus a bounded buffer,
/// never the full product.
/// </summary>
internal sealed class MatchSelection
{
    // Offers to partners' lists wait in a buffer and are applied partner by partner: 100,000 lists
    // of 200 fit no cache, and visiting them in arrival order costs several misses per offer. The
    // larger the buffer, the more offers each list takes per visit; past 4 Mi offers (about 100 MB
    // at the peak) the full re-score benchmark got no faster (tests/Matchmaker.Benchmarks/README.md).
    public const int DefaultPendingLimit = 1 << 22;

    // A need's cutoff is the worst pair it kept; these two stand for "kept every eligible pair" and "kept none".
    private static readonly BestOf.Entry AdmitsAll = new(long.MaxValue, short.MinValue, false);
    private static readonly BestOf.Entry AdmitsNone = new(long.MinValue, short.MaxValue, false);

    private readonly short _minTenths;
    private readonly int _maxPerPartner;
    private readonly int _pendingLimit;
    private readonly BestOf _needBest;
    private readonly PartnerSlots _partnerSlots = new();
    private readonly List<BestOf> _partnerBest = [];
    private readonly List<long> _partnerIds = [];
    private readonly Dictionary<long, BestOf.Entry> _needCutoffs = [];
    private readonly List<ScoredPair> _kept = [];

    // What a pair must beat to enter its partner's full list, kept apart from the lists themselves:
    // once lists fill up most pairs are turned away here, without touching a list.
    private BestOf.Entry[] _partnerFloors = new BestOf.Entry[64];
    private PendingOffer[] _pending = new PendingOffer[64];
    private PendingOffer[] _pendingBySlot = [];
    private int _pendingCount;

    /// <param name="pendingLimit">How many offers to partners' lists to buffer before applying them.</param>
    public MatchSelection(decimal minScore, int maxPerNeed, int maxPerPartner, int pendingLimit = DefaultPendingLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxPerNeed);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPerPartner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pendingLimit);
        _pendingLimit = pendingLimit;
        _minTenths = PairScore.QualifyingTenths(minScore);
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
            OfferToPartner(pair.PartnerId, new(needId, pair.Score.Tenths, pair.ActedOn));
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
        ApplyPendingOffers();
        var result = new List<ScoredPair>(_kept);
        for (var slot = 0; slot < _partnerBest.Count; slot++)
            AddKeptOnlyForPartner(result, _partnerIds[slot], _partnerBest[slot], _needCutoffs);
        return result;
    }

    /// <summary>
    /// The pairs to store when needs were split between several selections, each fed on its own thread:
    /// the same pairs as one selection fed every need. A partner's best needs overall are the best of
    /// the best each part kept for it, so the parts' partner lists are merged and the need lists taken as they are.
    /// </summary>
    public static IReadOnlyList<ScoredPair> Select(IReadOnlyList<MatchSelection> parts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        if (parts.Count == 1)
            return parts[0].Select();

        var maxPerPartner = parts[0]._maxPerPartner;
        var cutoffs = new Dictionary<long, BestOf.Entry>();
        var merged = new Dictionary<long, BestOf>();
        var result = new List<ScoredPair>(parts.Sum(p => p._kept.Count));
        foreach (var part in parts)
        {
            if (part._maxPerPartner != maxPerPartner || part._minTenths != parts[0]._minTenths)
                throw new ArgumentException("Every part must select under the same profile.", nameof(parts));
            part.ApplyPendingOffers();
            result.AddRange(part._kept);
            foreach (var (needId, cutoff) in part._needCutoffs)
            {
                if (!cutoffs.TryAdd(needId, cutoff))
                    throw new ArgumentException($"Need {needId} was added to more than one part.", nameof(parts));
            }

            for (var slot = 0; slot < part._partnerBest.Count; slot++)
            {
                ref var best = ref CollectionsMarshal.GetValueRefOrAddDefault(merged, part._partnerIds[slot], out _);
                best ??= new BestOf(maxPerPartner);
                foreach (var entry in part._partnerBest[slot].Entries)
                    best.Offer(entry);
            }
        }

        foreach (var (partnerId, best) in merged)
            AddKeptOnlyForPartner(result, partnerId, best, cutoffs);
        return result;
    }

    /// <summary>Adds the pairs of a partner's best list that its need's list (or an action) did not keep already.</summary>
    private static void AddKeptOnlyForPartner(List<ScoredPair> result, long partnerId, BestOf best, Dictionary<long, BestOf.Entry> needCutoffs)
    {
        foreach (var entry in best.Entries)
        {
            if (!entry.ActedOn && !Admits(needCutoffs[entry.OtherId], partnerId, entry.Tenths))
                result.Add(new(entry.OtherId, partnerId, new PairScore(entry.Tenths), ActedOn: false));
        }
    }

    private static bool Admits(BestOf.Entry cutoff, long partnerId, short tenths) =>
        tenths > cutoff.Tenths || (tenths == cutoff.Tenths && partnerId <= cutoff.OtherId);

    private bool IsEligible(ScoredPair pair) => pair.Score.Qualifies(_minTenths);

    private void OfferToPartner(long partnerId, BestOf.Entry entry)
    {
        var slot = _partnerSlots.SlotOf(partnerId, out var added);
        if (added)
        {
            _partnerBest.Add(new BestOf(_maxPerPartner));
            _partnerIds.Add(partnerId);
            if (slot == _partnerFloors.Length)
                Array.Resize(ref _partnerFloors, slot * 2);
            _partnerFloors[slot] = _maxPerPartner == 0 ? AdmitsNone : AdmitsAll;
        }

        if (!entry.IsBetterThan(_partnerFloors[slot]))
            return;
        if (_pendingCount == _pending.Length)
            Array.Resize(ref _pending, _pending.Length * 2);
        _pending[_pendingCount++] = new(slot, entry);
        if (_pendingCount == _pendingLimit)
            ApplyPendingOffers();
    }

    private void ApplyPendingOffers()
    {
        var starts = new int[_partnerBest.Count + 1];
        foreach (var offer in _pending.AsSpan(0, _pendingCount))
            starts[offer.Slot + 1]++;
        for (var slot = 1; slot < starts.Length; slot++)
            starts[slot] += starts[slot - 1];
        if (_pendingBySlot.Length < _pendingCount)
            _pendingBySlot = new PendingOffer[_pending.Length];
        foreach (var offer in _pending.AsSpan(0, _pendingCount))
            _pendingBySlot[starts[offer.Slot]++] = offer;

        foreach (var (slot, entry) in _pendingBySlot.AsSpan(0, _pendingCount))
        {
            if (!entry.IsBetterThan(_partnerFloors[slot]))
                continue;
            var best = _partnerBest[slot];
            best.Offer(entry);
            if (best.IsFull)
                _partnerFloors[slot] = best.Worst;
        }
        _pendingCount = 0;
    }

    private readonly record struct PendingOffer(int Slot, BestOf.Entry Entry);
}
