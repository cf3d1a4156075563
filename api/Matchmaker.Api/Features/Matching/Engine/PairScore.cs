namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>A score from the fast path, in tenths of a point (870 = 87.0), or excluded.</summary>
internal readonly record struct PairScore(short Tenths)
{
    public static PairScore Excluded { get; } = new(-1);

    public bool IsExcluded => Tenths < 0;

    public double Score => IsExcluded
        ? throw new InvalidOperationException("An excluded pair has no score.")
        : Tenths / 10.0;

    public override string ToString() => IsExcluded ? "excluded" : Score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
