namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>
/// The reference codes the engine gives bits to. Any other code is kept out of every mask, so it
/// matches nothing rather than failing.
/// </summary>
internal static class Vocabulary
{
    public static CodeSet NeedTypes { get; } =
        new("equity", "loan", "joint_venture", "equipment_supply", "technology_transfer", "offtake");

    public static CodeSet Regions { get; } =
        new("KG-GB", "KG-GO", "KG-B", "KG-C", "KG-J", "KG-N", "KG-O", "KG-T", "KG-Y");

    public static CodeSet Languages { get; } = new("ky", "ru", "zh", "en");

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
