namespace Matchmaker.Api.Features.Partners;

/// <summary>Unified Social Credit Code (GB 32100-2015): alphabet, check character and administrative division.</summary>
internal static class Uscc
{
    public const int Length = 18;
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    public const string ShandongDivisionPrefix = "37";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool HasValidCharacters(string code) =>
        code.Length == Length && code.All(c => Alphabet.Contains(c));

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
            sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    public static bool HasValidCheckCharacter(string code) =>
        HasValidCharacters(code) && CheckCharacter(code.AsSpan(0, 17)) == code[17];

    /// <summary>Characters 3–8 are the registering authority's division code; Shandong's start with 37.</summary>
    public static bool IsShandong(string code) =>
        code.Length == Length && code.AsSpan(2, 2).SequenceEqual(ShandongDivisionPrefix);
}
