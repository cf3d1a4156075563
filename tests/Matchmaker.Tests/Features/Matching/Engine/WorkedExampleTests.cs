using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Tests.Features.Matching.Engine;

public sealed class WorkedExampleTests
{
    private readonly Scorer _scorer = new(ScoringProfile.Default);

    [Fact]
    public void Worked_example_scores_87_0_with_eight_rows()
    {
        var score = _scorer.Explain(Samples.Need, Samples.Partner);

        Assert.Equal(87.0, score.Score);
        Assert.False(score.Excluded);
        Assert.Equal(CriterionKeys.All, score.Breakdown.Select(row => row.Criterion));
        Assert.Equal([30, 25, 20, 10, 5, 5, 3, 2], score.Breakdown.Select(row => row.Weight));
        Assert.Equal([1.0, 1.0, 0.5, 1.0, 1.0, 0.8047, 1.0, 0.0], score.Breakdown.Select(row => row.Score));
        Assert.Equal([30.0, 25.0, 10.0, 10.0, 5.0, 4.0, 3.0, 0.0], score.Breakdown.Select(row => row.Contribution));
        Assert.Equal(87.0m, score.ContributionSum());
    }

    [Fact]
    public void Worked_example_jobs_score_is_log10_41_over_log10_101()
    {
        var jobs = Api.Features.Matching.Engine.Criteria.Jobs(Samples.Need).Score;

        Assert.Equal(Math.Log10(41) / Math.Log10(101), jobs, 12);
        Assert.Equal(0.8047, jobs, 4);
    }

    [Fact]
    public void Worked_example_fast_path_also_scores_87_0()
    {
        var fast = _scorer.FastScore(Samples.Need, Samples.Partner);

        Assert.Equal(new PairScore(870), fast);
        Assert.Equal(87.0, fast.Score);
    }

    [Fact]
    public void Worked_example_reasons_read_as_in_the_scoring_document()
    {
        var reasons = _scorer.Explain(Samples.Need, Samples.Partner).Breakdown.Select(row => row.Reason);

        Assert.Equal(
            [
                "sector: C28 matches partner division C28",
                "ticket: 500,000 USD within 100,000–2,000,000",
                "need_type: 1 of 2 need types offered (equipment_supply)",
                "region: partner targets KG-C",
                "export: partner seeks export-oriented SMEs and this SME is one",
                "jobs: 40 jobs to create",
                "language: both use en",
                "certification: SME holds 0 of 1 required (missing ISO 9001)",
            ],
            reasons);
    }
}
