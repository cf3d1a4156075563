namespace Matchmaker.Api.Features.Matching.Decline;

/// <summary>The codes a side may give for declining a match; the report counts a decline without one as <see cref="Unspecified"/>.</summary>
internal static class DeclineReasons
{
    public const string Unspecified = "unspecified";
    public const int MaxLength = 16;

    public static IReadOnlyList<string> All { get; } =
    [
        "sector_mismatch", "amount_too_small", "amount_too_large", "need_type", "region", "timing", "found_partner", "not_credible", "other",
    ];

    public static IReadOnlyList<string> Reported { get; } = [.. All, Unspecified];
}
