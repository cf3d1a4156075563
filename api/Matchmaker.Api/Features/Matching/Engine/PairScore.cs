namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>A score from the fast path, in tenths of a point (870 = 87.0), or excluded.</summary>
internal readonly record struct PairScore(short Tenths)
{
    public const short MaxTenths = 1000;

    public static PairScore Excluded { get; } = new(-1);

    /// <summary>
    /// The least score, in tenths, that qualifies a pair for storage under a minimum score: scores are
    /// whole tenths, so "at or above 72.25" means 72.3; above 100 nothing qualifies.
    /// </summary>
    public static short QualifyingTenths(decimal minScore) => (short)Math.Clamp(Math.Ceiling(minScore * 10), 0, MaxTenths + 1);

    public bool IsExcluded => Tenths < 0;

    public bool Qualifies(short qualifyingTenths) => !IsExcluded && Tenths >= qualifyingTenths;

    public double Score => IsExcluded
        ? throw new InvalidOperationException("An excluded pair has no score.")
        : Tenths / 10.0;

    public override string ToString() => IsExcluded ? "excluded" : Score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
