using CsCheck;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Tests.Features.Matching.Engine;

public sealed class ScoringPropertyTests
{
    private const long Iterations = 3_000;

    /// <summary>
    /// A sample whose pair is excluded checks only the exclusion flag (or nothing at all, when
    /// excluded before a move), so each property insists that most of its samples were scored.
    /// </summary>
    private const double MinScoredShare = 0.8;

    private static void AssertMostlyScored(int scored, long samples) =>
        Assert.True(scored >= MinScoredShare * samples,
            $"only {scored} of {samples} samples were scored, not excluded: the generators no longer exercise the property");

    private static PairScore Fast(Scorer scorer, NeedInput need, PartnerInput partner, int catalogCapacity = CertificationCatalog.MaxBits)
    {
        var encoder = new VectorEncoder(new CertificationCatalog(capacity: catalogCapacity));
        return scorer.Score(encoder.Encode(need), encoder.Encode(partner));
    }

    [Fact]
    public void Fast_path_and_explain_give_the_identical_score_for_every_pair()
    {
        var scored = 0;
        Gen.Select(Generators.Profile, Generators.Need, Generators.Partner, Generators.CatalogCapacity).Sample(
            (profile, need, partner, capacity) =>
            {
                var scorer = new Scorer(profile);
                var fast = Fast(scorer, need, partner, capacity);
                var explained = scorer.Explain(need, partner);

                Assert.Equal(explained.Excluded, fast.IsExcluded);
                if (!fast.IsExcluded)
                {
                    Assert.Equal(explained.Score, fast.Score);
                    Interlocked.Increment(ref scored);
                }
            },
            iter: Iterations);

        AssertMostlyScored(scored, Iterations);
        Assert.True(Iterations - scored >= 0.03 * Iterations, $"only {Iterations - scored} of {Iterations} pairs were excluded: the exclusion path goes untested");
    }

    [Fact]
    public void Score_is_always_between_0_and_100_with_one_decimal()
    {
        Gen.Select(Generators.Profile, Generators.Need, Generators.Partner).Sample(
            (profile, need, partner) =>
            {
                var score = new Scorer(profile).Explain(need, partner).Score;

                Assert.InRange(score, 0, 100);
                Assert.Equal(Math.Round(score, 1), score);
            },
            iter: Iterations);
    }

    [Fact]
    public void Breakdown_lists_the_enabled_criteria_in_order_and_adds_up_to_the_score()
    {
        Gen.Select(Generators.Profile, Generators.Need, Generators.Partner).Sample(
            (profile, need, partner) =>
            {
                var explained = new Scorer(profile).Explain(need, partner);

                var enabled = CriterionKeys.All.Where(key => profile.Criteria.Single(c => c.Key == key).Enabled);
                Assert.Equal(enabled, explained.Breakdown.Select(row => row.Criterion));
                Assert.Equal((decimal)explained.Score, explained.ContributionSum());
                Assert.All(explained.Breakdown, row =>
                {
                    Assert.InRange(row.Score, 0, 1);
                    Assert.InRange(row.Contribution, 0, 100);
                    Assert.StartsWith(row.Criterion + ": ", row.Reason);
                });
            },
            iter: Iterations);
    }

    [Fact]
    public void Scaling_every_weight_by_a_positive_constant_leaves_scores_unchanged()
    {
        var scored = 0;
        Gen.Select(Generators.Profile, Gen.Double[0.01, 100], Generators.Need, Generators.Partner).Sample(
            (profile, factor, need, partner) =>
            {
                var scaled = profile with { Criteria = [.. profile.Criteria.Select(c => c with { Weight = c.Weight * factor })] };

                var original = Fast(new Scorer(profile), need, partner);

                Assert.Equal(original, Fast(new Scorer(scaled), need, partner));
                if (!original.IsExcluded)
                    Interlocked.Increment(ref scored);
            },
            iter: Iterations);

        AssertMostlyScored(scored, Iterations);
    }

    /// <summary>Changes that the scoring contract (Features/Matching/README.md) says can only raise a criterion's score, never lower one.</summary>
    private static readonly Gen<Func<NeedInput, PartnerInput, (NeedInput, PartnerInput)>> ImprovingMove = Gen.OneOf<Func<NeedInput, PartnerInput, (NeedInput, PartnerInput)>>(
    [
        Gen.OneOf([.. Vocabulary.NeedTypes.Codes]).Select<string, Func<NeedInput, PartnerInput, (NeedInput, PartnerInput)>>(
            type => (n, p) => (n, p with { Offerings = [.. p.Offerings, type] })),
        Gen.OneOf([.. Vocabulary.Languages.Codes]).Select<string, Func<NeedInput, PartnerInput, (NeedInput, PartnerInput)>>(
            language => (n, p) => (n, p with { Languages = [.. p.Languages, language] })),
        Gen.Const<Func<NeedInput, PartnerInput, (NeedInput, PartnerInput)>>(
            (n, p) => (n, p with { Languages = [.. p.Languages, .. n.SmeLanguages.Take(1)] })),
        Gen.Double[0, 1].Select<double, Func<NeedInput, PartnerInput, (NeedInput, PartnerInput)>>(
            at => (n, p) => (n with { AmountUsd = p.MinUsd + (p.MaxUsd - p.MinUsd) * (decimal)at }, p)),
        Gen.Const<Func<NeedInput, PartnerInput, (NeedInput, PartnerInput)>>(
            (n, p) => (n, p with { TargetRegions = [.. p.TargetRegions, n.SmeRegion] })),
        Gen.Const<Func<NeedInput, PartnerInput, (NeedInput, PartnerInput)>>(
            (n, p) => (n with { SmeCertifications = [.. n.SmeCertifications, .. p.RequiredCertifications.Take(1)] }, p)),
        Gen.Int[1, 200].Select<int, Func<NeedInput, PartnerInput, (NeedInput, PartnerInput)>>(
            more => (n, p) => (n with { JobsToCreate = Math.Max(0, n.JobsToCreate) + more }, p)),
        Gen.Const<Func<NeedInput, PartnerInput, (NeedInput, PartnerInput)>>(
            (n, p) => (n with { SmeExportOriented = true }, p)),
        Gen.Const<Func<NeedInput, PartnerInput, (NeedInput, PartnerInput)>>(
            (n, p) => (n, p with { SeeksExportOriented = false })),
        Generators.KnownSector.Select<string, Func<NeedInput, PartnerInput, (NeedInput, PartnerInput)>>(
            sector => (n, p) => (n, p with { Sectors = [.. p.Sectors, sector] })),
        Generators.KnownSector.Select<string, Func<NeedInput, PartnerInput, (NeedInput, PartnerInput)>>(
            sector => (n, p) => (n with { Sectors = [.. n.Sectors, sector] }, p with { Sectors = [.. p.Sectors, sector] })),
    ]);

    [Fact]
    public void Improving_one_criterions_input_never_lowers_the_score()
    {
        var knownRegionNeed = Gen.Select(Generators.Need, Gen.OneOf(Generators.KnownRegions), (need, region) => need with { SmeRegion = region });
        var scored = 0;
        Gen.Select(Generators.Profile, knownRegionNeed, Generators.Partner, ImprovingMove).Sample(
            (profile, need, partner, move) =>
            {
                var scorer = new Scorer(profile);
                var (betterNeed, betterPartner) = move(need, partner);

                var before = Fast(scorer, need, partner);
                var after = Fast(scorer, betterNeed, betterPartner);

                // Excluded is -1 tenths, below every score.
                Assert.True(after.Tenths >= before.Tenths, $"{before} became {after}");
                if (!before.IsExcluded)
                    Interlocked.Increment(ref scored);
            },
            iter: Iterations);

        AssertMostlyScored(scored, Iterations);
    }
}
