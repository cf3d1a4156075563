using CsCheck;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Tests.Features.Matching.Engine;

public sealed class NearMissSearchTests
{
    private const long Iterations = 5_000;

    [Fact]
    public void The_worked_examples_partner_in_agriculture_is_missed_by_its_sector_alone_at_57_0()
    {
        var partner = Samples.Partner with { Sectors = ["A01"] };

        var found = new NearMissSearch(ScoringProfile.Default).Find(Samples.Need, [partner]);

        Assert.Equal([(partner, new NearMiss(570, CriterionKeys.Sector))], found);
    }

    [Fact]
    public void A_pair_that_qualifies_or_fails_two_required_criteria_is_no_near_miss()
    {
        var bothMissing = Samples.Partner with { Id = 3, Sectors = ["A01"], Offerings = ["loan"] };

        Assert.Empty(new NearMissSearch(ScoringProfile.Default).Find(Samples.Need, [Samples.Partner, bothMissing]));
    }

    [Theory]
    [InlineData(87.1, true)]
    [InlineData(102.1, false)]
    [InlineData(87.0, false)]
    [InlineData(100.0, true)]
    public void A_score_below_min_score_by_at_most_15_points_is_a_near_miss(double minScore, bool missed)
    {
        var profile = ScoringProfile.Default with { MinScore = (decimal)minScore };

        var found = new NearMissSearch(profile).Find(Samples.Need, [Samples.Partner]);

        Assert.Equal(missed ? [(Samples.Partner, new NearMiss(870, null))] : [], found);
    }

    [Fact]
    public void The_lowest_score_in_the_window_is_exactly_15_points_below_min_score()
    {
        Assert.Single(new NearMissSearch(ScoringProfile.Default with { MinScore = 102.0m }).Find(Samples.Need, [Samples.Partner]));
        Assert.Empty(new NearMissSearch(ScoringProfile.Default with { MinScore = 102.1m }).Find(Samples.Need, [Samples.Partner]));
    }

    [Fact]
    public void The_search_agrees_with_the_definition_checked_on_the_readable_path()
    {
        int windowed = 0, excludedByOne = 0;
        var minScores = Gen.Int[0, 1000].Select(tenths => tenths / 10m);
        Gen.Select(Generators.Profile, minScores, Generators.Need, Generators.Partner).Sample(
            (profile, minScore, need, partner) =>
            {
                profile = profile with { MinScore = minScore };
                var explained = new Scorer(profile).Explain(need, partner);
                var zeroRequired = profile.Criteria
                    .Where(c => c is { Enabled: true, Required: true } && Api.Features.Matching.Engine.Criteria.Evaluate(c.Key, need, partner).Score == 0)
                    .Select(c => c.Key)
                    .ToList();
                var score = (decimal)explained.Score;
                NearMiss? expected = !explained.Excluded
                    ? score < minScore && score >= minScore - 15 ? new NearMiss((short)(score * 10), null) : null
                    : zeroRequired.Count == 1 ? new NearMiss((short)(score * 10), zeroRequired[0]) : null;

                var found = new NearMissSearch(profile).Find(need, [partner]);

                Assert.Equal(expected is { } e ? [(partner, e)] : [], found);
                if (expected is { Missing: null })
                    Interlocked.Increment(ref windowed);
                else if (expected is not null)
                    Interlocked.Increment(ref excludedByOne);
            },
            iter: Iterations);

        Assert.True(windowed >= 0.05 * Iterations, $"only {windowed} of {Iterations} samples scored inside the window");
        Assert.True(excludedByOne >= 0.01 * Iterations, $"only {excludedByOne} of {Iterations} samples were excluded by one required criterion");
    }

    [Fact]
    public void Near_misses_come_best_first_and_lower_partner_id_first_on_a_tie()
    {
        var agriculture = Samples.Partner with { Sectors = ["A01"] };
        var partners = new[] { agriculture with { Id = 9 }, agriculture with { Id = 4 }, agriculture with { Id = 7, TargetRegions = ["KG-Y"] } };

        var found = new NearMissSearch(ScoringProfile.Default).Find(Samples.Need, partners);

        Assert.Equal([(4L, 570), (9L, 570), (7L, 470)], found.Select(f => (f.Partner.Id, (int)f.Miss.Tenths)));
    }
}
