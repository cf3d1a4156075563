using System.Text;

namespace Matchmaker.Api.Features.Demo;

/// <summary>
/// The demo SMEs' <c>nameEn</c>: their Kyrgyz or Russian name in Latin letters, spelled as Kyrgyz firms
/// commonly spell themselves for foreign partners (Ala-Too Mashzavod), without any randomness, so the world
/// stays the same for a seed.
/// </summary>
internal static class LatinNames
{
    private static readonly Dictionary<char, string> Letters = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "yo", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['ң'] = "ng",
        ['о'] = "o", ['ө'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ү'] = "u",
        ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y",
        ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",
    };

    public static string Of(string name)
    {
        var latin = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            var lower = char.ToLowerInvariant(c);
            if (!Letters.TryGetValue(lower, out var spelled))
                latin.Append(c);
            else if (c != lower && spelled.Length > 0)
                latin.Append(char.ToUpperInvariant(spelled[0])).Append(spelled[1..]);
            else
                latin.Append(spelled);
        }

        return latin.ToString();
    }
}
