using CsCheck;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Tests.Features.Matching.Engine;

public sealed class MatchSelectionTests
{
    private static ScoredPair Pair(long need, long partner, double score, bool actedOn = false) =>
        new(need, partner, new PairScore((short)Math.Round(score * 10)), actedOn);

    private static HashSet<(long Need, long Partner)> Select(MatchSelection selection, params ScoredPair[] pairs)
    {
        foreach (var group in pairs.GroupBy(p => p.NeedId))
            selection.AddNeed(group.Key, group.ToArray());
        var selected = selection.Select();
        var set = selected.Select(p => (p.NeedId, p.PartnerId)).ToHashSet();
        Assert.Equal(selected.Count, set.Count);
        return set;
    }

    [Fact]
    public void Need_cap_keeps_only_the_needs_best_partners()
    {
        var kept = Select(
            new MatchSelection(minScore: 40, maxPerNeed: 2, maxPerPartner: 0),
            Pair(1, 10, 50), Pair(1, 11, 90), Pair(1, 12, 70), Pair(1, 13, 60));

        Assert.Equal([(1, 11), (1, 12)], kept.Order());
    }

    [Fact]
    public void Need_cap_breaks_ties_by_partner_id_ascending()
    {
        var kept = Select(
            new MatchSelection(minScore: 40, maxPerNeed: 2, maxPerPartner: 0),
            Pair(1, 13, 70), Pair(1, 11, 70), Pair(1, 12, 70), Pair(1, 10, 60));

        Assert.Equal([(1, 11), (1, 12)], kept.Order());
    }

    [Fact]
    public void Partner_cap_keeps_only_the_partners_best_needs_ties_by_need_id_ascending()
    {
        var kept = Select(
            new MatchSelection(minScore: 40, maxPerNeed: 0, maxPerPartner: 2),
            Pair(3, 10, 80), Pair(1, 10, 80), Pair(2, 10, 95), Pair(4, 10, 60));

        Assert.Equal([(1, 10), (2, 10)], kept.Order());
    }

    [Fact]
    public void Pair_is_kept_when_either_side_ranks_it_within_its_cap()
    {
        // Need 1 prefers partner 10; partner 11 has no better need than 1, so (1, 11) survives through it.
        var kept = Select(
            new MatchSelection(minScore: 40, maxPerNeed: 1, maxPerPartner: 1),
            Pair(1, 10, 90), Pair(1, 11, 50),
            Pair(2, 10, 95), Pair(2, 11, 45));

        Assert.Equal([(1, 10), (1, 11), (2, 10)], kept.Order());
    }

    [Fact]
    public void Pairs_below_the_minimum_score_are_dropped_even_within_the_caps()
    {
        var kept = Select(
            new MatchSelection(minScore: 40, maxPerNeed: 200, maxPerPartner: 200),
            Pair(1, 10, 40.0), Pair(1, 11, 39.9), Pair(1, 12, 0), new ScoredPair(1, 13, PairScore.Excluded));

        Assert.Equal([(1, 10)], kept);
    }

    [Fact]
    public void Acted_on_pairs_are_kept_below_the_minimum_and_outside_both_caps()
    {
        var kept = Select(
            new MatchSelection(minScore: 40, maxPerNeed: 1, maxPerPartner: 1),
            Pair(1, 10, 90), Pair(1, 11, 80, actedOn: true), Pair(1, 12, 12, actedOn: true),
            Pair(2, 10, 95), Pair(2, 11, 85),
            new ScoredPair(3, 10, PairScore.Excluded, ActedOn: true));

        Assert.Equal([(1, 10), (1, 11), (1, 12), (2, 10), (2, 11), (3, 10)], kept.Order());
    }

    [Fact]
    public void A_need_can_only_be_added_once()
    {
        var selection = MatchSelection.For(ScoringProfile.Default);
        selection.AddNeed(1, [Pair(1, 10, 50)]);

        Assert.Throws<InvalidOperationException>(() => selection.AddNeed(1, [Pair(1, 11, 50)]));
        Assert.Throws<ArgumentException>(() => selection.AddNeed(2, [Pair(3, 11, 50)]));
    }

    [Fact]
    public void Selection_matches_sorting_every_pair_on_random_inputs()
    {
        Gen.Select(RandomPairs, Gen.Int[0, 1000].Select(t => t / 10m), Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[1, 40]).Sample(
            (all, minScore, maxPerNeed, maxPerPartner, pendingLimit) =>
            {
                var expected = SortEverything(all, minScore, maxPerNeed, maxPerPartner);

                var actual = Select(new MatchSelection(minScore, maxPerNeed, maxPerPartner, pendingLimit), all);

                Assert.Equal(expected.Order(), actual.Order());
            },
            iter: 2_000);
    }

    [Fact]
    public void Needs_split_between_parts_select_what_one_selection_of_all_needs_selects()
    {
        Gen.Select(RandomPairs, Gen.Int[0, 1000].Select(t => t / 10m), Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[1, 4], Gen.Int[1, 40]).Sample(
            (all, minScore, maxPerNeed, maxPerPartner, partCount, pendingLimit) =>
            {
                var expected = SortEverything(all, minScore, maxPerNeed, maxPerPartner);

                var parts = Enumerable.Range(0, partCount).Select(_ => new MatchSelection(minScore, maxPerNeed, maxPerPartner, pendingLimit)).ToList();
                foreach (var group in all.GroupBy(p => p.NeedId))
                    parts[(int)(group.Key * 31 % partCount)].AddNeed(group.Key, group.ToArray());
                var selected = MatchSelection.Select(parts);
                var actual = selected.Select(p => (p.NeedId, p.PartnerId)).ToHashSet();

                Assert.Equal(selected.Count, actual.Count);
                Assert.Equal(expected.Order(), actual.Order());
            },
            iter: 2_000);
    }

    [Fact]
    public void A_need_added_to_two_parts_is_refused_when_merging()
    {
        var first = new MatchSelection(0, 5, 5);
        var second = new MatchSelection(0, 5, 5);
        first.AddNeed(1, [Pair(1, 1, 50)]);
        second.AddNeed(1, [Pair(1, 2, 60)]);

        Assert.Throws<ArgumentException>(() => MatchSelection.Select([first, second]));
    }

    /// <summary>1–15 needs × 12 partners with some pairs missing, scores in steps of 2.5 (many ties), one in ten acted on.</summary>
    private static readonly Gen<ScoredPair[]> RandomPairs = Gen.Select(Gen.Int[0, 1000], Gen.Frequency((1, Gen.Const(true)), (9, Gen.Const(false))))
        .Array[12]
        .Array[1, 15]
        .Select(needs => needs
            .SelectMany((row, need) => row
                .Select((cell, partner) => new ScoredPair(need + 1, partner + 1, new PairScore((short)(cell.Item1 % 40 * 25)), cell.Item2))
                .Where((_, partner) => (need * 7 + partner * 3) % 5 != 0))
            .ToArray());

    private static HashSet<(long, long)> SortEverything(ScoredPair[] all, decimal minScore, int maxPerNeed, int maxPerPartner)
    {
        var eligible = all.Where(p => !p.Score.IsExcluded && (decimal)p.Score.Score >= minScore).ToList();
        var byNeed = eligible.GroupBy(p => p.NeedId)
            .SelectMany(g => g.OrderByDescending(p => p.Score.Tenths).ThenBy(p => p.PartnerId).Take(maxPerNeed));
        var byPartner = eligible.GroupBy(p => p.PartnerId)
            .SelectMany(g => g.OrderByDescending(p => p.Score.Tenths).ThenBy(p => p.NeedId).Take(maxPerPartner));
        return byNeed.Concat(byPartner).Concat(all.Where(p => p.ActedOn)).Select(p => (p.NeedId, p.PartnerId)).ToHashSet();
    }
}
