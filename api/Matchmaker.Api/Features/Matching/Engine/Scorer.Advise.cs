namespace Matchmaker.Api.Features.Matching.Engine;

internal sealed partial class Scorer
{
    /// <summary>
    /// The advice of each row of <paramref name="explained"/> (this scorer's <see cref="Explain"/> of the pair), in
    /// its order: the pair scored again with the advised change made, so that applying it adds exactly the points
    /// advised. Null where the criterion scores 1, where no single change raises it, or where raising it moves
    /// the score by less than a tenth.
    /// </summary>
    public IReadOnlyList<Advice?> Advise(NeedInput need, PartnerInput partner, MatchScore explained)
    {
        ArgumentNullException.ThrowIfNull(explained);
        var tenths = Tenths(explained);
        return explained.Breakdown.Select(row => row.Score < 1 ? AdviceFor(row.Criterion, need, partner, tenths) : null).ToList();
    }

    private Advice? AdviceFor(string criterion, NeedInput need, PartnerInput partner, int tenths)
    {
        if (AdvisedChange.For(criterion, need, partner) is not { } change)
            return null;
        var (changedNeed, changedPartner) = change.ApplyTo(need, partner);
        var gained = Tenths(Explain(changedNeed, changedPartner)) - tenths;
        return gained > 0 ? new Advice(change, gained / 10.0) : null;
    }

    private static int Tenths(MatchScore score) => (int)Math.Round(score.Score * 10);
}
