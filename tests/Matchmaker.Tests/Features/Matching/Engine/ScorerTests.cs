using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Tests.Features.Matching.Engine;

public sealed class ScorerTests
{
    private static readonly Scorer Default = new(ScoringProfile.Default);

    [Fact]
    public void Required_criterion_at_0_excludes_the_pair()
    {
        var partner = Samples.Partner with { Sectors = ["A01"] };

        var explained = Default.Explain(Samples.Need, partner);

        Assert.True(explained.Excluded);
        Assert.True(Default.FastScore(Samples.Need, partner).IsExcluded);
    }

    [Fact]
    public void Need_type_at_0_excludes_the_pair_under_the_default_profile()
    {
        var partner = Samples.Partner with { Offerings = ["loan"] };

        Assert.True(Default.Explain(Samples.Need, partner).Excluded);
        Assert.True(Default.FastScore(Samples.Need, partner).IsExcluded);
    }

    [Fact]
    public void Optional_criterion_at_0_only_lowers_the_score()
    {
        var partner = Samples.Partner with { Languages = ["zh"] };

        var explained = Default.Explain(Samples.Need, partner);

        Assert.False(explained.Excluded);
        Assert.Equal(84.0, explained.Score);
        Assert.Equal(new PairScore(840), Default.FastScore(Samples.Need, partner));
    }

    [Fact]
    public void Required_criterion_that_is_disabled_does_not_exclude()
    {
        var scorer = new Scorer(ScoringProfile.Default.WithCriterion(CriterionKeys.Sector, c => c with { Enabled = false }));
        var partner = Samples.Partner with { Sectors = ["A01"] };

        Assert.False(scorer.Explain(Samples.Need, partner).Excluded);
        Assert.False(scorer.FastScore(Samples.Need, partner).IsExcluded);
    }

    [Fact]
    public void Disabled_criterion_is_left_out_of_the_sum_and_the_breakdown()
    {
        var scorer = new Scorer(ScoringProfile.Default.WithCriterion(CriterionKeys.Certification, c => c with { Enabled = false }));

        var explained = scorer.Explain(Samples.Need, Samples.Partner);

        // 87.0233 of the remaining 98 weight points
        Assert.Equal(88.8, explained.Score);
        Assert.DoesNotContain(explained.Breakdown, row => row.Criterion == CriterionKeys.Certification);
        Assert.Equal(7, explained.Breakdown.Count);
        Assert.Equal(88.8m, explained.ContributionSum());
        Assert.Equal(new PairScore(888), scorer.FastScore(Samples.Need, Samples.Partner));
    }

    [Fact]
    public void Raising_a_weight_changes_the_score_as_the_formula_says()
    {
        var scorer = new Scorer(ScoringProfile.Default.WithCriterion(CriterionKeys.Certification, c => c with { Weight = 12 }));

        var explained = scorer.Explain(Samples.Need, Samples.Partner);

        var jobs = 5 * Math.Log10(41) / Math.Log10(101);
        var expected = Math.Round(100 * (30 + 25 + 10 + 10 + 5 + jobs + 3 + 0) / 110, 1);
        Assert.Equal(79.1, expected);
        Assert.Equal(expected, explained.Score);
        Assert.Equal(12, explained.Row(CriterionKeys.Certification).Weight);
        Assert.Equal(new PairScore(791), scorer.FastScore(Samples.Need, Samples.Partner));
    }

    [Fact]
    public void Zero_weight_criterion_that_is_enabled_still_shows_in_the_breakdown()
    {
        var scorer = new Scorer(ScoringProfile.Default.WithCriterion(CriterionKeys.Language, c => c with { Weight = 0 }));

        var row = scorer.Explain(Samples.Need, Samples.Partner).Row(CriterionKeys.Language);

        Assert.Equal(0, row.Weight);
        Assert.Equal(1.0, row.Score);
        Assert.Equal(0.0, row.Contribution);
    }

    [Fact]
    public void Contributions_add_up_to_the_score_even_when_each_would_round_down()
    {
        var scorer = new Scorer(Samples.Only((CriterionKeys.Sector, 1), (CriterionKeys.Ticket, 1), (CriterionKeys.Export, 1)));

        var explained = scorer.Explain(Samples.Need, Samples.Partner);

        Assert.Equal(100.0, explained.Score);
        Assert.Equal([33.4, 33.3, 33.3], explained.Breakdown.Select(row => row.Contribution));
        Assert.Equal(100.0m, explained.ContributionSum());
    }

    [Theory]
    [InlineData(87.05, 871)]
    [InlineData(87.04999999999999, 871)]
    [InlineData(87.0499999, 870)]
    [InlineData(0.04999999999, 1)]
    [InlineData(0, 0)]
    [InlineData(100, 1000)]
    public void Scores_round_half_away_from_zero_after_nine_decimals(double score, int tenths)
    {
        Assert.Equal(tenths, CriterionMath.ToTenths(score, CriterionMath.NanoPointsPerWeight(100)));
    }

    [Fact]
    public void Batch_scoring_gives_each_partner_the_same_score_as_scoring_it_alone()
    {
        var encoder = new VectorEncoder();
        var need = encoder.Encode(Samples.Need);
        PartnerVector[] partners =
        [
            encoder.Encode(Samples.Partner),
            encoder.Encode(Samples.Partner with { Id = 3, Sectors = ["A01"] }),
            encoder.Encode(Samples.Partner with { Id = 4, TargetRegions = [], RequiredCertifications = [] }),
        ];
        var results = new PairScore[partners.Length];

        Default.Score(need, partners, results);

        Assert.Equal(partners.Select(p => Default.Score(need, p)), results);
        Assert.Equal([new PairScore(870), PairScore.Excluded, new PairScore(860)], results);
    }

    [Fact]
    public void Unknown_codes_match_nothing_and_do_not_fail()
    {
        var need = Samples.Need with
        {
            Sectors = ["C28", "Z99", "", "C"],
            NeedTypes = ["equipment_supply", "grant"],
            SmeRegion = "KG-ZZ",
            SmeLanguages = ["fr"],
        };
        var partner = Samples.Partner with
        {
            Offerings = ["equipment_supply", "grant"],
            TargetRegions = ["KG-ZZ"],
            Languages = ["fr"],
        };

        var explained = Default.Explain(need, partner);

        Assert.Equal([1.0, 1.0, 0.5, 0.0, 1.0, 0.8047, 0.0, 0.0], explained.Breakdown.Select(row => row.Score));
        Assert.Equal(new PairScore((short)Math.Round(explained.Score * 10)), Default.FastScore(need, partner));
    }

    [Fact]
    public void Certifications_beyond_the_catalogs_bits_are_still_compared_by_name()
    {
        var encoder = new VectorEncoder(new CertificationCatalog(["ISO 9001"], capacity: 1));
        var need = Samples.Need with { SmeCertifications = ["gost r", "ISO 9001"] };
        var partner = Samples.Partner with { RequiredCertifications = ["ISO 9001", "GOST R", "HACCP"] };

        var fast = Default.Score(encoder.Encode(need), encoder.Encode(partner));
        var explained = Default.Explain(need, partner);

        Assert.Equal(2 / 3.0, explained.Row(CriterionKeys.Certification).Score, 4);
        Assert.Equal(explained.Score, fast.Score);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 30)]
    [InlineData(double.NaN, 30)]
    public void Profile_without_positive_finite_weights_is_refused(double sectorWeight, double otherWeight)
    {
        var profile = ScoringProfile.Default with
        {
            Criteria = [.. ScoringProfile.Default.Criteria.Select(c => c with { Weight = c.Key == CriterionKeys.Sector ? sectorWeight : otherWeight })],
        };

        Assert.Throws<ArgumentException>(() => new Scorer(profile));
    }

    [Fact]
    public void Profile_with_every_weighted_criterion_disabled_is_refused()
    {
        var profile = ScoringProfile.Default with
        {
            Criteria = [.. ScoringProfile.Default.Criteria.Select(c => c with { Enabled = c.Key == CriterionKeys.Jobs, Weight = c.Key == CriterionKeys.Jobs ? 0 : c.Weight })],
        };

        Assert.Throws<ArgumentException>(() => new Scorer(profile));
    }

    [Theory]
    [InlineData("colour")]
    [InlineData(CriterionKeys.Sector)]
    public void Profile_with_an_unknown_or_repeated_criterion_is_refused(string extraKey)
    {
        var profile = ScoringProfile.Default with { Criteria = [.. ScoringProfile.Default.Criteria, new(extraKey, 1, false, true)] };

        Assert.Throws<ArgumentException>(() => new Scorer(profile));
    }

    [Fact]
    public void Default_profile_is_the_one_in_the_scoring_document()
    {
        var profile = ScoringProfile.Default;

        Assert.Equal((1, 40m, 200, 200), (profile.Version, profile.MinScore, profile.MaxPerNeed, profile.MaxPerPartner));
        Assert.Equal(CriterionKeys.All, profile.Criteria.Select(c => c.Key));
        Assert.Equal([30, 25, 20, 10, 5, 5, 3, 2], profile.Criteria.Select(c => c.Weight));
        Assert.Equal([CriterionKeys.Sector, CriterionKeys.NeedType], profile.Criteria.Where(c => c.Required).Select(c => c.Key));
        Assert.All(profile.Criteria, c => Assert.True(c.Enabled));
    }

    [Fact]
    public void Partner_vector_fits_one_cache_line()
    {
        Assert.Equal(64, System.Runtime.CompilerServices.Unsafe.SizeOf<PartnerVector>());
    }
}
