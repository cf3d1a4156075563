using System.Runtime.CompilerServices;

namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>
/// The numeric formulas of the scoring contract (Features/Matching/README.md), shared by the fast path and <see cref="Scorer.Explain"/> so
/// that both produce bit-identical criterion scores.
/// </summary>
internal static class CriterionMath
{
    // Stands in for log10 of a zero or negative amount: finite, so that zero against zero stays
    // "inside" instead of becoming NaN, and far below any real amount (decimal bottoms out near 1e-28).
    public const double LogOfNothing = -1000;

    public const double OpenRegion = 0.7;

    private static readonly double Log10Of101 = Math.Log10(101);

    public static double Log10Usd(decimal amount) => amount > 0 ? Math.Log10((double)amount) : LogOfNothing;

    // MaxNative is a single instruction; Math.Max would also order NaN and -0, which cannot occur
    // here because every log is finite.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Ticket(double logAmount, double logMin, double logMax)
    {
        var decadesOutside = double.MaxNative(0, double.MaxNative(logMin - logAmount, logAmount - logMax));
        return double.MaxNative(0, 1 - decadesOutside);
    }

    public static double Jobs(int jobsToCreate) =>
        jobsToCreate <= 0 ? 0 : Math.Min(1, Math.Log10(1 + (double)jobsToCreate) / Log10Of101);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Share(int part, int whole) => whole == 0 ? 0 : part / (double)whole;

    /// <summary>
    /// Adds the eight weighted criterion scores (0 for a disabled one) as a balanced tree: the fast
    /// path needs the short dependency chain, and Explain adds in the same order to get the same double.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(double c0, double c1, double c2, double c3, double c4, double c5, double c6, double c7) =>
        ((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7));

    /// <summary>The factor taking a weighted sum to billionths of a score point: 100 × 1e9 / Σ weights.</summary>
    public static double NanoPointsPerWeight(double totalWeight) => 1e11 / totalWeight;

    /// <summary>
    /// A weighted sum to tenths of a point: first to nine decimals (half to even), so float noise such
    /// as 87.04999999999999 cannot decide a midpoint, then half away from zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ToTenths(double weightedSum, double nanoPointsPerWeight)
    {
        // A whole number below 2^53, so adding half a tenth is exact and the quotient cannot round
        // up to the next whole tenth: truncating it is an exact floor.
        var nanoPoints = Math.Round(weightedSum * nanoPointsPerWeight);
        return double.ConvertToIntegerNative<int>((nanoPoints + 50_000_000) / 100_000_000);
    }
}
