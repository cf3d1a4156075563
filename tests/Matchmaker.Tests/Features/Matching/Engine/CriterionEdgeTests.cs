using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Tests.Features.Matching.Engine;

public sealed class CriterionEdgeTests
{
    private static readonly NeedInput Need = Samples.Need;
    private static readonly PartnerInput Partner = Samples.Partner;

    [Theory]
    [InlineData(100_000)]
    [InlineData(2_000_000)]
    [InlineData(1_000_000)]
    public void Ticket_inside_the_range_or_exactly_on_a_bound_scores_1(decimal amount)
    {
        var outcome = Api.Features.Matching.Engine.Criteria.Ticket(Need with { AmountUsd = amount }, Partner);

        Assert.Equal(1.0, outcome.Score);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(20_000_000)]
    [InlineData(1_000)]
    [InlineData(0)]
    public void Ticket_a_factor_of_10_or_more_outside_the_range_scores_0(decimal amount)
    {
        var outcome = Api.Features.Matching.Engine.Criteria.Ticket(Need with { AmountUsd = amount }, Partner);

        Assert.Equal(0.0, outcome.Score, 12);
    }

    [Theory]
    [InlineData(50_000, "ticket: 50,000 USD below partner minimum 100,000")]
    [InlineData(4_000_000, "ticket: 4,000,000 USD above partner maximum 2,000,000")]
    public void Ticket_a_factor_of_2_outside_the_range_scores_1_minus_log10_2(decimal amount, string reason)
    {
        var outcome = Api.Features.Matching.Engine.Criteria.Ticket(Need with { AmountUsd = amount }, Partner);

        Assert.Equal(1 - Math.Log10(2), outcome.Score, 12);
        Assert.Equal(reason, outcome.Reason);
    }

    [Fact]
    public void Ticket_without_a_minimum_accepts_any_amount_up_to_the_maximum()
    {
        var open = Partner with { MinUsd = 0 };

        Assert.Equal(1.0, Api.Features.Matching.Engine.Criteria.Ticket(Need with { AmountUsd = 0 }, open).Score);
        Assert.Equal(1.0, Api.Features.Matching.Engine.Criteria.Ticket(Need with { AmountUsd = 1 }, open).Score);
    }

    [Fact]
    public void Sector_in_the_same_section_only_scores_0_5()
    {
        var outcome = Api.Features.Matching.Engine.Criteria.Sector(Need, Partner with { Sectors = ["C25", "A01"] });

        Assert.Equal(0.5, outcome.Score);
        Assert.Equal("sector: C28 shares section C with partner division C25", outcome.Reason);
    }

    [Fact]
    public void Sector_takes_the_best_of_all_pairs()
    {
        var outcome = Api.Features.Matching.Engine.Criteria.Sector(Need with { Sectors = ["A01", "C25", "M71"] }, Partner with { Sectors = ["C28", "M71"] });

        Assert.Equal(1.0, outcome.Score);
        Assert.Equal("sector: M71 matches partner division M71", outcome.Reason);
    }

    [Fact]
    public void Sector_in_another_section_scores_0()
    {
        var outcome = Api.Features.Matching.Engine.Criteria.Sector(Need, Partner with { Sectors = ["A01"] });

        Assert.Equal(0.0, outcome.Score);
        Assert.Equal("sector: C28 shares no section with partner divisions A01", outcome.Reason);
    }

    [Fact]
    public void Sector_codes_that_are_not_isic_divisions_match_nothing()
    {
        var outcome = Api.Features.Matching.Engine.Criteria.Sector(Need with { Sectors = ["A28", "C99", "C", "X12"] }, Partner with { Sectors = ["A28", "C99", "C"] });

        Assert.Equal(0.0, outcome.Score);
    }

    [Fact]
    public void Need_type_is_the_share_of_the_needs_types_offered()
    {
        var need = Need with { NeedTypes = ["equity", "loan", "offtake"] };

        Assert.Equal(0.0, Api.Features.Matching.Engine.Criteria.NeedType(need, Partner with { Offerings = ["joint_venture"] }).Score);
        Assert.Equal(1 / 3.0, Api.Features.Matching.Engine.Criteria.NeedType(need, Partner with { Offerings = ["loan"] }).Score);
        Assert.Equal(1.0, Api.Features.Matching.Engine.Criteria.NeedType(need, Partner with { Offerings = ["offtake", "equity", "loan", "joint_venture"] }).Score);
    }

    [Fact]
    public void Need_type_that_is_unknown_counts_for_the_need_but_is_never_offered()
    {
        var outcome = Api.Features.Matching.Engine.Criteria.NeedType(Need with { NeedTypes = ["equity", "grant"] }, Partner with { Offerings = ["equity", "grant"] });

        Assert.Equal(0.5, outcome.Score);
        Assert.Equal("need_type: 1 of 2 need types offered (equity)", outcome.Reason);
    }

    [Fact]
    public void Region_with_no_target_regions_scores_0_7()
    {
        var outcome = Api.Features.Matching.Engine.Criteria.Region(Need, Partner with { TargetRegions = [] });

        Assert.Equal(0.7, outcome.Score);
    }

    [Fact]
    public void Region_that_the_partner_does_not_target_scores_0()
    {
        var outcome = Api.Features.Matching.Engine.Criteria.Region(Need with { SmeRegion = "KG-N" }, Partner);

        Assert.Equal(0.0, outcome.Score);
        Assert.Equal("region: partner targets KG-C, KG-Y, not KG-N", outcome.Reason);
    }

    [Theory]
    [InlineData(false, false, 1.0)]
    [InlineData(true, false, 1.0)]
    [InlineData(true, true, 1.0)]
    [InlineData(false, true, 0.0)]
    public void Export_fails_only_when_the_partner_seeks_it_and_the_sme_is_not(bool smeExports, bool partnerSeeks, double expected)
    {
        var outcome = Api.Features.Matching.Engine.Criteria.Export(Need with { SmeExportOriented = smeExports }, Partner with { SeeksExportOriented = partnerSeeks });

        Assert.Equal(expected, outcome.Score);
    }

    [Theory]
    [InlineData(-5, 0.0)]
    [InlineData(0, 0.0)]
    [InlineData(100, 1.0)]
    [InlineData(5_000, 1.0)]
    public void Jobs_reach_1_at_100_and_stay_0_for_none(int jobs, double expected)
    {
        Assert.Equal(expected, Api.Features.Matching.Engine.Criteria.Jobs(Need with { JobsToCreate = jobs }).Score, 12);
    }

    [Fact]
    public void Language_with_none_shared_scores_0()
    {
        var outcome = Api.Features.Matching.Engine.Criteria.Language(Need with { SmeLanguages = ["ky", "ru"] }, Partner);

        Assert.Equal(0.0, outcome.Score);
        Assert.Equal("language: no shared language (SME: ky, ru; partner: zh, en)", outcome.Reason);
    }

    [Fact]
    public void Certification_when_the_partner_requires_none_scores_1()
    {
        var outcome = Api.Features.Matching.Engine.Criteria.Certification(Need, Partner with { RequiredCertifications = [] });

        Assert.Equal(1.0, outcome.Score);
        Assert.Equal("certification: partner requires none", outcome.Reason);
    }

    [Fact]
    public void Certification_is_the_share_held_compared_trimmed_and_case_insensitively()
    {
        var outcome = Api.Features.Matching.Engine.Criteria.Certification(
            Need with { SmeCertifications = [" iso 9001 "] },
            Partner with { RequiredCertifications = ["ISO 9001", "HACCP"] });

        Assert.Equal(0.5, outcome.Score);
        Assert.Equal("certification: SME holds 1 of 2 required (missing HACCP)", outcome.Reason);
    }
}
