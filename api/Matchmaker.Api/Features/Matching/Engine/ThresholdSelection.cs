namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>Scores one need against consecutive partners: <paramref name="scores"/>[k] belongs to partner <paramref name="partnerStart"/> + k.</summary>
internal delegate void ScoreRow(int need, int partnerStart, Span<PairScore> scores);

/// <summary>
/// Selects the same pairs as <see cref="MatchSelection"/> (Features/Matching/README.md, "Which pairs are
/// stored") by counting instead of ranking. A score takes one of 1,001 values, so a side's cap comes
/// down to a cutoff: a score, and among pairs at exactly that score the last one kept in id order on
/// the other side. A first pass, over blocks of partners, counts each partner's scores and finds its
/// cutoff; a second, over needs, finds each need's cutoff from its own row and keeps every pair that
/// either cutoff admits, plus every pair someone acted on. Each pass scores every pair once, threads
/// share nothing but the partners' cutoffs (8 bytes a partner), and each thread's scratch is a few
/// megabytes whatever the world's size, so memory hardly depends on the thread count.
/// </summary>
/// <remarks>Needs and partners are numbered 0, 1, 2… in ascending id order, so an index ranks ties as its id does.</remarks>
internal sealed class ThresholdSelection
{
    private const int Values = PairScore.MaxTenths + 1;

    // A partner block's scores against every need stay in the thread's scratch: about 2 MB.
    private const int BlockScoreBudget = 1 << 20;
    private const int MaxBlock = 1_024;

    private readonly short _minTenths;
    private readonly int _maxPerNeed;
    private readonly int _maxPerPartner;
    private readonly int _threads;

    public ThresholdSelection(decimal minScore, int maxPerNeed, int maxPerPartner, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxPerNeed);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPerPartner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        _minTenths = PairScore.QualifyingTenths(minScore);
        _maxPerNeed = maxPerNeed;
        _maxPerPartner = maxPerPartner;
        _threads = threads;
    }

    public static ThresholdSelection For(ScoringProfile profile, int threads) =>
        new(profile.MinScore, profile.MaxPerNeed, profile.MaxPerPartner, threads);

    /// <summary>The partners kept for each need, as ascending partner indexes.</summary>
    /// <param name="needIds">Strictly ascending.</param>
    /// <param name="partnerIds">Strictly ascending.</param>
    /// <param name="actedOn">Partner indexes of the pairs someone acted on for a need index; kept whatever they score.</param>
    public int[][] Select(long[] needIds, long[] partnerIds, ScoreRow score, Func<int, IEnumerable<int>>? actedOn = null, CancellationToken ct = default)
    {
        RequireAscending(needIds, nameof(needIds));
        RequireAscending(partnerIds, nameof(partnerIds));
        var options = new ParallelOptions { MaxDegreeOfParallelism = _threads, CancellationToken = ct };
        var partnerCutoffs = PartnerCutoffs(needIds.Length, partnerIds.Length, score, options);

        var kept = new int[needIds.Length][];
        Parallel.For(0, needIds.Length, options, () => new NeedScratch(partnerIds.Length), (need, _, scratch) =>
        {
            kept[need] = KeptForNeed(need, score, partnerCutoffs, actedOn?.Invoke(need), scratch);
            return scratch;
        }, _ => { });
        return kept;
    }

    /// <summary>First pass: each partner's cutoff, partner blocks spread over the threads.</summary>
    private Cutoff[] PartnerCutoffs(int needCount, int partnerCount, ScoreRow score, ParallelOptions options)
    {
        var cutoffs = new Cutoff[partnerCount];
        var block = Math.Clamp(BlockScoreBudget / Math.Max(1, needCount), 1, MaxBlock);
        var blocks = (partnerCount + block - 1) / block;
        Parallel.For(0, blocks, options, () => new BlockScratch(needCount, block), (b, _, scratch) =>
        {
            var start = b * block;
            var width = Math.Min(block, partnerCount - start);
            var scores = scratch.Scores;
            var counts = scratch.Counts.AsSpan(0, width * Values);
            counts.Clear();
            for (var need = 0; need < needCount; need++)
            {
                var row = scores.AsSpan(need * width, width);
                score(need, start, row);
                for (var k = 0; k < width; k++)
                {
                    var tenths = row[k].Tenths;
                    if (tenths >= _minTenths)
                        counts[k * Values + tenths]++;
                }
            }

            var ties = scratch.Ties;
            var pending = 0;
            for (var k = 0; k < width; k++)
            {
                cutoffs[start + k] = Cutoff.From(counts.Slice(k * Values, Values), _minTenths, _maxPerPartner, out ties[k]);
                pending += ties[k] > 0 ? 1 : 0;
            }

            // Where a cap falls inside a score's ties, the last need kept is the ties-th at that score, in id order.
            for (var need = 0; need < needCount && pending > 0; need++)
            {
                var row = scores.AsSpan(need * width, width);
                for (var k = 0; k < width; k++)
                {
                    if (ties[k] > 0 && row[k].Tenths == cutoffs[start + k].Tenths && --ties[k] == 0)
                    {
                        cutoffs[start + k] = cutoffs[start + k] with { LastIndex = need };
                        pending--;
                    }
                }
            }
            return scratch;
        }, _ => { });
        return cutoffs;
    }

    /// <summary>Second pass, one need: its own cutoff from its row, then every pair either side keeps.</summary>
    private int[] KeptForNeed(int need, ScoreRow score, Cutoff[] partnerCutoffs, IEnumerable<int>? actedOn, NeedScratch scratch)
    {
        var row = scratch.Row;
        score(need, 0, row);
        var counts = scratch.Counts;
        counts.AsSpan().Clear();
        foreach (var pair in row)
        {
            if (pair.Tenths >= _minTenths)
                counts[pair.Tenths]++;
        }

        var cutoff = Cutoff.From(counts, _minTenths, _maxPerNeed, out var ties);
        for (var partner = 0; ties > 0; partner++)
        {
            if (row[partner].Tenths == cutoff.Tenths && --ties == 0)
                cutoff = cutoff with { LastIndex = partner };
        }

        var kept = scratch.Kept;
        kept.Clear();
        for (var partner = 0; partner < row.Length; partner++)
        {
            if (Keeps(row[partner].Tenths, cutoff, partner, partnerCutoffs[partner], need))
                kept.Add(partner);
        }

        if (actedOn is not null)
        {
            var added = false;
            foreach (var partner in actedOn)
            {
                if (!Keeps(row[partner].Tenths, cutoff, partner, partnerCutoffs[partner], need) && !kept.Contains(partner))
                {
                    kept.Add(partner);
                    added = true;
                }
            }
            if (added)
                kept.Sort();
        }
        return kept.ToArray();
    }

    private bool Keeps(short tenths, Cutoff needCutoff, int partner, Cutoff partnerCutoff, int need) =>
        tenths >= _minTenths && (needCutoff.Admits(tenths, partner) || partnerCutoff.Admits(tenths, need));

    private static void RequireAscending(long[] ids, string name)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            if (ids[i] <= ids[i - 1])
                throw new ArgumentException("Ids must be strictly ascending.", name);
        }
    }

    /// <summary>A side keeps a qualifying pair scoring above <paramref name="Tenths"/>, or at it up to the other side's index <paramref name="LastIndex"/>.</summary>
    private readonly record struct Cutoff(short Tenths, int LastIndex)
    {
        // Above any score, so nothing is admitted.
        private static readonly Cutoff None = new(PairScore.MaxTenths + 1, -1);

        public bool Admits(short tenths, int otherIndex) =>
            tenths > Tenths || (tenths == Tenths && otherIndex <= LastIndex);

        /// <summary>
        /// The cutoff of a side holding <paramref name="counts"/>[t] qualifying pairs at each score t.
        /// <paramref name="ties"/> is how many of the pairs at the cutoff score are kept when that is not all of them
        /// (the caller then finds the last one kept), else 0.
        /// </summary>
        public static Cutoff From(ReadOnlySpan<int> counts, short minTenths, int cap, out int ties)
        {
            ties = 0;
            if (cap == 0)
                return None;
            var above = 0;
            for (var tenths = PairScore.MaxTenths; tenths >= minTenths; tenths--)
            {
                var at = counts[tenths];
                if (above + at >= cap)
                {
                    ties = cap - above == at ? 0 : cap - above;
                    return new((short)tenths, ties == 0 ? int.MaxValue : -1);
                }
                above += at;
            }
            return new(minTenths, int.MaxValue);
        }
    }

    private sealed class BlockScratch(int needCount, int block)
    {
        public readonly PairScore[] Scores = new PairScore[needCount * block];
        public readonly int[] Counts = new int[block * Values];
        public readonly int[] Ties = new int[block];
    }

    private sealed class NeedScratch(int partnerCount)
    {
        public readonly PairScore[] Row = new PairScore[partnerCount];
        public readonly int[] Counts = new int[Values];
        public readonly List<int> Kept = [];
    }
}
