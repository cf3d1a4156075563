using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Tests.Features.Matching.Engine;

public sealed class ThresholdSelectionTests
{
    private const int Samples = 3_000;

    /// <summary>
    /// A world of a few needs and partners whose scores come from a palette of one to four values
    /// (so ties are everywhere, and a one-value palette makes every score equal), some excluded,
    /// some pairs acted on.
    /// </summary>
    private sealed record World(long[] NeedIds, long[] PartnerIds, PairScore[,] Scores, bool[,] ActedOn)
    {
        public static World From(int seed)
        {
            var random = new Random(Spread(seed));
            var needIds = Ids(random, Size(random));
            var partnerIds = Ids(random, Size(random));
            var palette = Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => new PairScore(random.Next(6) == 0 ? (short)-1 : (short)random.Next(0, PairScore.MaxTenths + 1)))
                .ToArray();
            var scores = new PairScore[needIds.Length, partnerIds.Length];
            var actedOn = new bool[needIds.Length, partnerIds.Length];
            for (var n = 0; n < needIds.Length; n++)
            {
                for (var p = 0; p < partnerIds.Length; p++)
                {
                    scores[n, p] = palette[random.Next(palette.Length)];
                    actedOn[n, p] = random.Next(8) == 0;
                }
            }
            return new(needIds, partnerIds, scores, actedOn);
        }

        // Now and then empty or tiny, mostly large enough for a cap to bind.
        private static int Size(Random random) => random.Next(8) == 0 ? random.Next(0, 3) : random.Next(3, 12);

        private static long[] Ids(Random random, int count)
        {
            var ids = new long[count];
            var id = (long)random.Next(1, 50);
            for (var i = 0; i < count; i++)
            {
                ids[i] = id;
                id += random.Next(1, 4);
            }
            return ids;
        }
    }

    /// <summary>Caps and minimum drawn from the seed too, so that CsCheck's bias towards small values does not skew them.</summary>
    private sealed record Rules(decimal MinScore, int MaxPerNeed, int MaxPerPartner, int Threads)
    {
        public static Rules From(int seed)
        {
            var random = new Random(Spread(~seed));
            // Mostly low, so that most samples have pairs to cut; now and then anywhere, 0, or above every score.
            var minScore = random.Next(12) switch
            {
                < 8 => random.Next(0, 301) / 10m,
                < 10 => random.Next(0, 10_001) / 100m,
                10 => 0m,
                _ => 100.05m,
            };
            return new(minScore, Cap(random), Cap(random), random.Next(1, 5));
        }

        // Mostly small, so that the union of both sides' picks still leaves pairs out; now and then beyond both sides.
        private static int Cap(Random random) => random.Next(10) == 0 ? random.Next(0, 13) : random.Next(0, 3);
    }

    private static HashSet<(long Need, long Partner)> ByMatchSelection(World world, decimal minScore, int maxPerNeed, int maxPerPartner)
    {
        var selection = new MatchSelection(minScore, maxPerNeed, maxPerPartner);
        for (var n = 0; n < world.NeedIds.Length; n++)
        {
            var candidates = Enumerable.Range(0, world.PartnerIds.Length)
                .Select(p => new ScoredPair(world.NeedIds[n], world.PartnerIds[p], world.Scores[n, p], world.ActedOn[n, p]))
                .ToArray();
            selection.AddNeed(world.NeedIds[n], candidates);
        }
        return selection.Select().Select(p => (p.NeedId, p.PartnerId)).ToHashSet();
    }

    private static HashSet<(long Need, long Partner)> ByThresholds(World world, decimal minScore, int maxPerNeed, int maxPerPartner, int threads)
    {
        var kept = new ThresholdSelection(minScore, maxPerNeed, maxPerPartner, threads).Select(
            world.NeedIds,
            world.PartnerIds,
            (need, start, scores) =>
            {
                for (var k = 0; k < scores.Length; k++)
                    scores[k] = world.Scores[need, start + k];
            },
            need => Enumerable.Range(0, world.PartnerIds.Length).Where(p => world.ActedOn[need, p]));

        var set = new HashSet<(long, long)>();
        for (var n = 0; n < kept.Length; n++)
        {
            Assert.Equal(kept[n].Order(), kept[n]);
            foreach (var p in kept[n])
                Assert.True(set.Add((world.NeedIds[n], world.PartnerIds[p])));
        }
        return set;
    }

    // System.Random's first draws follow nearby seeds closely; spreading them apart makes neighbouring samples unlike.
    private static int Spread(int seed) => (int)(unchecked((uint)seed * 2654435761u) ^ 0x5bd1e995u);

    [Fact]
    public void Keeps_exactly_what_MatchSelection_keeps_on_random_worlds_full_of_ties()
    {
        var cut = 0;
        var partial = 0;
        for (var seed = 0; seed < Samples; seed++)
        {
            var world = World.From(seed);
            var (minScore, maxPerNeed, maxPerPartner, threads) = Rules.From(seed);
            var expected = ByMatchSelection(world, minScore, maxPerNeed, maxPerPartner);

            var actual = ByThresholds(world, minScore, maxPerNeed, maxPerPartner, threads);

            Assert.True(expected.SetEquals(actual), $"seed {seed}: expected [{string.Join(' ', expected.Order())}], got [{string.Join(' ', actual.Order())}]");
            var minTenths = PairScore.QualifyingTenths(minScore);
            var qualifying = 0;
            var keptQualifying = 0;
            for (var n = 0; n < world.NeedIds.Length; n++)
            {
                for (var p = 0; p < world.PartnerIds.Length; p++)
                {
                    if (!world.Scores[n, p].Qualifies(minTenths))
                        continue;
                    qualifying++;
                    keptQualifying += actual.Contains((world.NeedIds[n], world.PartnerIds[p])) ? 1 : 0;
                }
            }
            if (keptQualifying < qualifying)
                cut++;
            if (keptQualifying > 0 && keptQualifying < qualifying)
                partial++;
        }

        // A sample where the caps dropped a qualifying pair is one that keeping too much would fail; one
        // where they also kept some is one that a cutoff in the wrong place would fail.
        Assert.True(cut > Samples / 2, $"only {cut} of {Samples} samples dropped a qualifying pair");
        Assert.True(partial >= Samples / 3, $"only {partial} of {Samples} samples kept some qualifying pairs and dropped others");
    }

    [Fact]
    public void Ties_at_a_cap_go_to_the_lowest_ids_on_the_other_side_whatever_the_thread_count()
    {
        var world = new World(
            [1, 2, 3, 4],
            [10, 11, 12],
            new PairScore[,] { { new(700), new(700), new(700) }, { new(700), new(700), new(700) }, { new(700), new(700), new(700) }, { new(700), new(700), new(700) } },
            new bool[4, 3]);

        foreach (var threads in new[] { 1, 2, 4 })
        {
            var kept = ByThresholds(world, minScore: 40, maxPerNeed: 1, maxPerPartner: 2, threads);

            // Each need keeps partner 10; partners 11 and 12 keep needs 1 and 2.
            Assert.Equal([(1, 10), (1, 11), (1, 12), (2, 10), (2, 11), (2, 12), (3, 10), (4, 10)], kept.Order());
        }
    }

    [Fact]
    public void Ids_out_of_order_are_refused()
    {
        var selection = new ThresholdSelection(40, 5, 5, threads: 1);

        Assert.Throws<ArgumentException>(() => selection.Select([2, 1], [10], (_, _, _) => { }));
        Assert.Throws<ArgumentException>(() => selection.Select([1], [10, 10], (_, _, _) => { }));
    }
}
