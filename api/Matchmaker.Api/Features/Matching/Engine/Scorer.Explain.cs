namespace Matchmaker.Api.Features.Matching.Engine;

internal sealed partial class Scorer
{
    /// <summary>
    /// Scores one pair the slow, readable way, with a reason per criterion. Gives the same score as
    /// the fast path for every pair.
    /// </summary>
    public MatchScore Explain(NeedInput need, PartnerInput partner)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(partner);

        var indices = new List<int>(CriterionCount);
        var outcomes = new List<CriterionOutcome>(CriterionCount);
        Span<double> weighted = stackalloc double[CriterionCount];
        var excluded = false;
        for (var index = 0; index < CriterionCount; index++)
        {
            if (!_enabled[index])
                continue;
            var outcome = Criteria.Evaluate(CriterionKeys.All[index], need, partner);
            weighted[index] = _weights[index] * outcome.Score;
            excluded |= (_requiredMask & (1 << index)) != 0 && outcome.Score == 0;
            indices.Add(index);
            outcomes.Add(outcome);
        }

        var sum = CriterionMath.Sum(weighted[0], weighted[1], weighted[2], weighted[3], weighted[4], weighted[5], weighted[6], weighted[7]);
        var tenths = CriterionMath.ToTenths(sum, _nanoPointsPerWeight);
        var exactTenths = outcomes.Select((outcome, row) => 1000 * _weights[indices[row]] * outcome.Score / _totalWeight).ToArray();
        var contributionTenths = Apportion.LargestRemainder(exactTenths, tenths);

        var breakdown = new CriterionScore[outcomes.Count];
        for (var row = 0; row < breakdown.Length; row++)
        {
            breakdown[row] = new CriterionScore(
                CriterionKeys.All[indices[row]],
                _weights[indices[row]],
                Math.Round(outcomes[row].Score, 4, MidpointRounding.AwayFromZero),
                contributionTenths[row] / 10.0,
                outcomes[row].Reason);
        }
        return new MatchScore(tenths / 10.0, excluded, breakdown);
    }
}
