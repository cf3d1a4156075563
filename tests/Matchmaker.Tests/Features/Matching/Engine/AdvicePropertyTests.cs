using CsCheck;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Tests.Features.Matching.Engine;

/// <summary>
/// Advice is worth what it says: the change it names, made to the inputs by this test's own hand and scored on
/// the fast path, raises the score by exactly the advised points.
/// </summary>
public sealed class AdvicePropertyTests
{
    private const long Iterations = 3_000;

    [Fact]
    public void Applying_any_advised_change_raises_the_score_by_exactly_the_advised_points()
    {
        var withAdvice = 0;
        var advised = 0;
        Gen.Select(Generators.Profile, Generators.Need, Generators.Partner).Sample(
            (profile, need, partner) =>
            {
                var scorer = new Scorer(profile);
                var explained = scorer.Explain(need, partner);
                var advice = scorer.Advise(need, partner, explained);
                var before = ShownScore(scorer, need, partner);

                Assert.Equal(explained.Breakdown.Count, advice.Count);
                var any = false;
                for (var row = 0; row < advice.Count; row++)
                {
                    if (advice[row] is not { } given)
                        continue;
                    Assert.Equal(explained.Breakdown[row].Criterion, given.Change.Criterion);
                    Assert.True(explained.Breakdown[row].Score < 1, $"{given.Change.Criterion} scores 1 and still advises");
                    Assert.True(given.Points > 0, $"{given.Change.Criterion} advises {given.Points} points");

                    var (changedNeed, changedPartner) = Apply(given.Change, need, partner);
                    var after = ShownScore(scorer, changedNeed, changedPartner);

                    Assert.Equal((decimal)given.Points, after - before);
                    any = true;
                    Interlocked.Increment(ref advised);
                }

                if (any)
                    Interlocked.Increment(ref withAdvice);
            },
            iter: Iterations);

        Assert.True(withAdvice >= 0.8 * Iterations, $"only {withAdvice} of {Iterations} samples had any advice: the property was hardly tested");
        Assert.True(advised >= 2 * Iterations, $"only {advised} pieces of advice in {Iterations} samples");
    }

    [Fact]
    public void Every_kind_of_advice_is_given_and_checked_for_both_sides_where_it_has_two()
    {
        var seen = new HashSet<(AdviceKind, AdviceSide)>();
        Gen.Select(Generators.Profile, Generators.Need, Generators.Partner).Sample(
            (profile, need, partner) =>
            {
                var scorer = new Scorer(profile);
                foreach (var given in scorer.Advise(need, partner, scorer.Explain(need, partner)).OfType<Advice>())
                {
                    lock (seen)
                        seen.Add((given.Change.Kind, given.Change.Side));
                }
            },
            iter: Iterations);

        Assert.Equal(
            [
                (AdviceKind.AddSector, AdviceSide.Sme), (AdviceKind.AddSector, AdviceSide.Partner), (AdviceKind.AcceptAmount, AdviceSide.Partner),
                (AdviceKind.AddOffering, AdviceSide.Partner), (AdviceKind.AddTargetRegion, AdviceSide.Partner), (AdviceKind.BecomeExportOriented, AdviceSide.Sme),
                (AdviceKind.CreateJobs, AdviceSide.Sme), (AdviceKind.AddLanguage, AdviceSide.Sme), (AdviceKind.AddLanguage, AdviceSide.Partner),
                (AdviceKind.AddCertification, AdviceSide.Sme),
            ],
            seen.OrderBy(s => s.Item1).ThenBy(s => s.Item2));
    }

    /// <summary>The score an answer shows: the fast path's, or for an excluded pair the weighted score <see cref="Scorer.Explain"/> still gives.</summary>
    private static decimal ShownScore(Scorer scorer, NeedInput need, PartnerInput partner)
    {
        var fast = scorer.FastScore(need, partner);
        return fast.IsExcluded ? (decimal)scorer.Explain(need, partner).Score : fast.Tenths / 10m;
    }

    /// <summary>The advised change as a client would make it: the named side adds or takes on the value.</summary>
    private static (NeedInput, PartnerInput) Apply(AdvisedChange change, NeedInput need, PartnerInput partner)
    {
        var sme = change.Side == AdviceSide.Sme;
        switch (change.Kind)
        {
            case AdviceKind.AddSector when sme:
                return (need with { Sectors = [change.Value, .. need.Sectors] }, partner);
            case AdviceKind.AddSector:
                return (need, partner with { Sectors = [change.Value, .. partner.Sectors] });
            case AdviceKind.AcceptAmount:
                var amount = decimal.Parse(change.Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(need.AmountUsd, amount);
                return (need, partner with { MinUsd = Math.Min(partner.MinUsd, amount), MaxUsd = Math.Max(partner.MaxUsd, amount) });
            case AdviceKind.AddOffering:
                return (need, partner with { Offerings = [change.Value, .. partner.Offerings] });
            case AdviceKind.AddTargetRegion:
                return (need, partner with { TargetRegions = [change.Value, .. partner.TargetRegions] });
            case AdviceKind.BecomeExportOriented:
                return (need with { SmeExportOriented = true }, partner);
            case AdviceKind.CreateJobs:
                return (need with { JobsToCreate = int.Parse(change.Value, System.Globalization.CultureInfo.InvariantCulture) }, partner);
            case AdviceKind.AddLanguage when sme:
                return (need with { SmeLanguages = [change.Value, .. need.SmeLanguages] }, partner);
            case AdviceKind.AddLanguage:
                return (need, partner with { Languages = [change.Value, .. partner.Languages] });
            case AdviceKind.AddCertification:
                return (need with { SmeCertifications = [change.Value, .. need.SmeCertifications] }, partner);
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change.Kind, null);
        }
    }
}
