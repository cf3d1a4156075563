namespace Matchmaker.Api.Features.Matching.Engine;

internal static class Apportion
{
    /// <summary>
    /// Rounds non-negative shares to whole units that add up to <paramref name="total"/>: each share
    /// is rounded to nearest, then the difference is settled one unit at a time on the shares that
    /// rounding moved furthest the other way (earlier shares first on ties).
    /// </summary>
    public static int[] LargestRemainder(IReadOnlyList<double> shares, int total)
    {
        var units = new int[shares.Count];
        var sum = 0;
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = (int)Math.Round(shares[i], MidpointRounding.AwayFromZero);
            sum += units[i];
        }

        var order = Enumerable.Range(0, units.Length);
        var difference = total - sum;
        var adjusted = difference > 0
            ? order.OrderByDescending(i => shares[i] - units[i])
            : order.OrderBy(i => shares[i] - units[i]);
        foreach (var i in adjusted.Take(Math.Abs(difference)))
            units[i] += Math.Sign(difference);
        return units;
    }
}
