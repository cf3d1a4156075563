namespace Matchmaker.Tests.Harness;

/// <summary>Random words in each script, so a search in a shared test database finds only the records of its own test.</summary>
internal static class SearchWords
{
    private const string CyrillicLetters = "бвгдзклмнпрстфхцчшщ";

    /// <summary>Upper-case Cyrillic consonants, with no е or ё, so folding leaves nothing but the case to fold.</summary>
    public static string Cyrillic(int length = 10) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => char.ToUpperInvariant(CyrillicLetters[Random.Shared.Next(CyrillicLetters.Length)])));

    /// <summary>CJK unified ideographs.</summary>
    public static string Hanzi(int length = 8) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => (char)Random.Shared.Next(0x4E00, 0x9FA5)));

    public static string Latin() => "x" + Guid.NewGuid().ToString("N")[..12];

    public static string Query(string q) => "q=" + Uri.EscapeDataString(q);
}
