using Matchmaker.Api.Features.Matching;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Tests.Features.Matching.Engine;

public sealed class AdviceTests
{
    private readonly Scorer _scorer = new(ScoringProfile.Default);

    private IReadOnlyList<Advice?> Advise(NeedInput need, PartnerInput partner) => _scorer.Advise(need, partner, _scorer.Explain(need, partner));

    [Fact]
    public void Worked_example_advises_its_three_rows_below_1_with_the_points_each_change_adds()
    {
        var advice = Advise(Samples.Need, Samples.Partner);

        Assert.Equal([null, null, "need_type", null, null, "jobs", null, "certification"], advice.Select(a => a?.Change.Criterion));
        Assert.Equal(new AdvisedChange(CriterionKeys.NeedType, AdviceSide.Partner, AdviceKind.AddOffering, "joint_venture"), advice[2]!.Change);
        Assert.Equal(10.0, advice[2]!.Points);
        Assert.Equal(new AdvisedChange(CriterionKeys.Jobs, AdviceSide.Sme, AdviceKind.CreateJobs, "100"), advice[5]!.Change);
        Assert.Equal(1.0, advice[5]!.Points);
        Assert.Equal(new AdvisedChange(CriterionKeys.Certification, AdviceSide.Sme, AdviceKind.AddCertification, "ISO 9001"), advice[7]!.Change);
        Assert.Equal(2.0, advice[7]!.Points);
    }

    [Fact]
    public void Worked_example_certification_advice_reads_as_in_the_contract_in_every_language()
    {
        var certification = Advise(Samples.Need, Samples.Partner)[7]!;

        Assert.Equal("certification: the SME holding ISO 9001 would add 2.0 points", AdviceText.Render(certification, "en"));
        Assert.Equal("certification: если МСП получит сертификат ISO 9001, оценка вырастет на 2.0 балла", AdviceText.Render(certification, "ru"));
        Assert.Equal("certification: 若中小企业持有 ISO 9001 认证，得分将增加 2.0 分", AdviceText.Render(certification, "zh"));
    }

    [Fact]
    public void A_pair_excluded_by_its_sector_is_advised_the_needs_division_with_the_points_that_lift_the_exclusion()
    {
        var partner = Samples.Partner with { Sectors = ["A01"] };

        var sector = Advise(Samples.Need, partner)[0]!;

        Assert.Equal(new AdvisedChange(CriterionKeys.Sector, AdviceSide.Partner, AdviceKind.AddSector, "C28"), sector.Change);
        Assert.Equal(30.0, sector.Points);
        Assert.Equal("sector: the partner working in ISIC division C28 would add 30.0 points", AdviceText.Render(sector, "en"));
    }

    [Fact]
    public void A_ticket_outside_the_range_is_advised_to_the_partner_as_the_needs_amount()
    {
        var partner = Samples.Partner with { MinUsd = 1_000_000m, MaxUsd = 5_000_000m };

        var ticket = Advise(Samples.Need, partner)[1]!;

        Assert.Equal(new AdvisedChange(CriterionKeys.Ticket, AdviceSide.Partner, AdviceKind.AcceptAmount, "500000"), ticket.Change);
        Assert.Equal("ticket: the partner accepting 500,000 USD would add 7.5 points", AdviceText.Render(ticket, "en"));
    }

    [Fact]
    public void No_advice_where_no_single_change_raises_the_criterion()
    {
        var need = Samples.Need with { NeedTypes = ["grant"], SmeRegion = "KG-ZZ", SmeLanguages = [] };
        var partner = Samples.Partner with { Languages = ["fr"] };

        var advice = Advise(need, partner);

        Assert.Null(advice[CriterionKeys.IndexOf(CriterionKeys.NeedType)]);
        Assert.Null(advice[CriterionKeys.IndexOf(CriterionKeys.Region)]);
        Assert.Null(advice[CriterionKeys.IndexOf(CriterionKeys.Language)]);
    }

    [Fact]
    public void No_advice_for_a_criterion_that_weighs_nothing()
    {
        var scorer = new Scorer(ScoringProfile.Default.WithCriterion(CriterionKeys.Certification, c => c with { Weight = 0 }));

        var advice = scorer.Advise(Samples.Need, Samples.Partner, scorer.Explain(Samples.Need, Samples.Partner));

        Assert.Null(advice[CriterionKeys.IndexOf(CriterionKeys.Certification)]);
    }

    private static readonly (AdviceKind Kind, AdviceSide Side)[] Kinds =
    [
        (AdviceKind.AddSector, AdviceSide.Sme), (AdviceKind.AddSector, AdviceSide.Partner), (AdviceKind.AcceptAmount, AdviceSide.Partner),
        (AdviceKind.AddOffering, AdviceSide.Partner), (AdviceKind.AddTargetRegion, AdviceSide.Partner), (AdviceKind.BecomeExportOriented, AdviceSide.Sme),
        (AdviceKind.CreateJobs, AdviceSide.Sme), (AdviceKind.AddLanguage, AdviceSide.Sme), (AdviceKind.AddLanguage, AdviceSide.Partner),
        (AdviceKind.AddCertification, AdviceSide.Sme),
    ];

    [Fact]
    public void Every_advice_names_its_criterion_side_value_and_points_in_three_different_languages()
    {
        Assert.Equal(Enum.GetValues<AdviceKind>(), Kinds.Select(k => k.Kind).Distinct());
        foreach (var (kind, side) in Kinds)
            AssertReadsInEveryLanguage(kind, side);
    }

    private static void AssertReadsInEveryLanguage(AdviceKind kind, AdviceSide side)
    {
        var value = kind == AdviceKind.AcceptAmount ? "250000" : "X42";
        var advice = new Advice(new AdvisedChange("region", side, kind, value), 3.5);

        var texts = new[] { "en", "ru", "zh" }.Select(language => AdviceText.Render(advice, language)).ToList();

        Assert.Equal(3, texts.Distinct().Count());
        Assert.All(texts, text =>
        {
            Assert.StartsWith("region: ", text);
            Assert.Contains("3.5", text);
            Assert.Contains(kind == AdviceKind.AcceptAmount ? "250,000" : kind == AdviceKind.BecomeExportOriented ? "" : "X42", text);
        });
        Assert.Contains(side == AdviceSide.Sme ? "SME" : "partner", texts[0]);
        Assert.Contains(side == AdviceSide.Sme ? "МСП" : "партнёр", texts[1]);
        Assert.Contains(side == AdviceSide.Sme ? "中小企业" : "合作方", texts[2]);
        Assert.Equal(texts[0], AdviceText.Render(advice, "fr"));
    }
}
