using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Tests.Features.Matching.Engine;

/// <summary>"At or above the minimum score" has one definition, which the selection and the write-time re-score both use.</summary>
public sealed class QualifyingScoreTests
{
    [Fact]
    public void A_score_qualifies_exactly_when_it_is_at_or_above_the_minimum()
    {
        var disagreements = new List<string>();
        var failable = 0;
        for (var minimum = 0m; minimum <= 100m; minimum += 0.05m)
        {
            var qualifying = PairScore.QualifyingTenths(minimum);
            for (short tenths = 0; tenths <= PairScore.MaxTenths; tenths++)
            {
                var expected = tenths / 10m >= minimum;
                failable += expected != (tenths + 1) / 10m >= minimum ? 1 : 0;
                if (new PairScore(tenths).Qualifies(qualifying) != expected)
                    disagreements.Add($"{tenths / 10m} against {minimum}");
            }
        }

        Assert.Empty(disagreements);
        Assert.True(failable > 1000, "the grid crosses the boundary for most minimums");
    }

    [Theory]
    [InlineData(100.01)]
    [InlineData(150)]
    public void Above_100_nothing_qualifies(double minimum) =>
        Assert.False(new PairScore(PairScore.MaxTenths).Qualifies(PairScore.QualifyingTenths((decimal)minimum)));

    [Fact]
    public void An_excluded_pair_never_qualifies() =>
        Assert.False(PairScore.Excluded.Qualifies(PairScore.QualifyingTenths(0)));

    [Theory]
    [InlineData(40, 400, true)]
    [InlineData(40, 399, false)]
    [InlineData(72.25, 722, false)]
    [InlineData(72.25, 723, true)]
    public void The_selection_keeps_a_pair_exactly_when_it_qualifies(double minimum, short tenths, bool kept)
    {
        var selection = new MatchSelection((decimal)minimum, maxPerNeed: 5, maxPerPartner: 5);
        selection.AddNeed(1, [new ScoredPair(1, 7, new PairScore(tenths), ActedOn: false)]);

        Assert.Equal(kept, selection.Select().Any(p => p.PartnerId == 7));
    }
}
