using System.Runtime.CompilerServices;

namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>
/// The numeric formulas of SCORING.md, shared by the fast path and <see cref="Scorer.Explain"/> so
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Ticket(double logAmount, double logMin, double logMax)
    {
        var decadesOutside = Math.Max(0, Math.Max(logMin - logAmount, logAmount - logMax));
        return Math.Max(0, 1 - decadesOutside);
    }

    public static double Jobs(int jobsToCreate) =>
        jobsToCreate <= 0 ? 0 : Math.Min(1, Math.Log10(1 + (double)jobsToCreate) / Log10Of101);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Share(int part, int whole) => whole == 0 ? 0 : part / (double)whole;

    /// <summary>
    /// 0–100 to tenths of a point: first to nine decimals (half to even), so float noise such as
    /// 87.04999999999999 cannot decide a midpoint, then half away from zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short ToTenths(double score)
    {
        var nanoPoints = (long)Math.Round(score * 1e9);
        return (short)((nanoPoints + 50_000_000) / 100_000_000);
    }
}
