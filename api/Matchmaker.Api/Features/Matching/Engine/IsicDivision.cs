using System.Globalization;

namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>One of the 88 ISIC Rev.4 divisions, written as its section letter and two digits ("C28").</summary>
internal readonly record struct IsicDivision(char Section, int Number, int Bit)
{
    public const int Count = 88;

    public string Code => string.Create(CultureInfo.InvariantCulture, $"{Section}{Number:00}");

    public int SectionBit => Section - 'A';

    // Index is the division number. 0 = not a Rev.4 division, else 1 + the section's place in A..U.
    private static ReadOnlySpan<byte> SectionByNumber =>
    [
        0, 1, 1, 1, 0, 2, 2, 2, 2, 2,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 0, 4, 5, 5, 5, 5,
        0, 6, 6, 6, 0, 7, 7, 7, 0, 8,
        8, 8, 8, 8, 0, 9, 9, 0, 10, 10,
        10, 10, 10, 10, 11, 11, 11, 0, 12, 13,
        13, 13, 13, 13, 13, 13, 0, 14, 14, 14,
        14, 14, 14, 0, 15, 16, 17, 17, 17, 0,
        18, 18, 18, 18, 19, 19, 19, 20, 20, 21,
    ];

    private static ReadOnlySpan<byte> BitByNumber =>
    [
        255, 0, 1, 2, 255, 3, 4, 5, 6, 7,
        8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
        18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
        28, 29, 30, 31, 255, 32, 33, 34, 35, 36,
        255, 37, 38, 39, 255, 40, 41, 42, 255, 43,
        44, 45, 46, 47, 255, 48, 49, 255, 50, 51,
        52, 53, 54, 55, 56, 57, 58, 255, 59, 60,
        61, 62, 63, 64, 65, 66, 255, 67, 68, 69,
        70, 71, 72, 255, 73, 74, 75, 76, 77, 255,
        78, 79, 80, 81, 82, 83, 84, 85, 86, 87,
    ];

    private static readonly UInt128[] DivisionsBySection = BuildDivisionsBySection();

    /// <summary>The bits of every division in a section, "C" giving C10 to C33.</summary>
    public static UInt128 DivisionsIn(char section) => DivisionsBySection[section - 'A'];

    private static UInt128[] BuildDivisionsBySection()
    {
        var masks = new UInt128[21];
        foreach (var division in AllDivisions())
            masks[division.SectionBit] |= UInt128.One << division.Bit;
        return masks;
    }

    public static IEnumerable<IsicDivision> AllDivisions()
    {
        for (var number = 1; number < 100; number++)
        {
            if (SectionByNumber[number] != 0)
                yield return new((char)('A' + SectionByNumber[number] - 1), number, BitByNumber[number]);
        }
    }

    /// <summary>Accepts "C28" (case and surrounding blanks ignored); a letter that is not the division's own section is refused.</summary>
    public static bool TryParse(string? code, out IsicDivision division)
    {
        division = default;
        var text = code.AsSpan().Trim();
        if (text.Length != 3 || !char.IsAsciiDigit(text[1]) || !char.IsAsciiDigit(text[2]))
            return false;

        var section = char.ToUpperInvariant(text[0]);
        var number = (text[1] - '0') * 10 + (text[2] - '0');
        var sectionPlace = SectionByNumber[number];
        if (sectionPlace == 0 || section != 'A' + sectionPlace - 1)
            return false;

        division = new(section, number, BitByNumber[number]);
        return true;
    }
}
