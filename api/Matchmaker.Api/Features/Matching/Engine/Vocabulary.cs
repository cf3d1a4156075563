namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>
/// The reference codes the engine gives bits to. Any other code is kept out of every mask, so it
/// matches nothing rather than failing. Need types and regions restate db/seed (the engine reads
/// no files; a test holds them equal); languages have no seed file and are defined here for the
/// whole API. The counts size the masks and tables built from these lists.
/// </summary>
internal static class Vocabulary
{
    public const int NeedTypeCount = 6;
    public const int RegionCount = 9;
    public const int LanguageCount = 4;

    public static CodeSet NeedTypes { get; } =
        new(NeedTypeCount, "equity", "loan", "joint_venture", "equipment_supply", "technology_transfer", "offtake");

    public static CodeSet Regions { get; } =
        new(RegionCount, "KG-GB", "KG-GO", "KG-B", "KG-C", "KG-J", "KG-N", "KG-O", "KG-T", "KG-Y");

    public static CodeSet Languages { get; } = new(LanguageCount, "ky", "ru", "zh", "en");

    /// <summary>Trimmed, non-blank, case-insensitively distinct entries in their first-seen order.</summary>
    public static List<string> Distinct(IEnumerable<string?>? codes)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var code in codes ?? [])
        {
            if (string.IsNullOrWhiteSpace(code))
                continue;
            var trimmed = code.Trim();
            if (seen.Add(trimmed))
                result.Add(trimmed);
        }
        return result;
    }
}
