namespace Matchmaker.Api.Features.Shared;

/// <summary>
/// Name search works the same on both databases by storing names lower-cased by .NET (which
/// knows Cyrillic) and matching a lower-cased, LIKE-escaped pattern.
/// </summary>
internal static class SearchText
{
    public const int MaxQueryLength = 100;

    public static string Of(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim().ToLowerInvariant()));

    public static string? Pattern(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
            return null;
        var escaped = q.Trim().ToLowerInvariant().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_").Replace("[", @"\[");
        return $"%{escaped}%";
    }
}
