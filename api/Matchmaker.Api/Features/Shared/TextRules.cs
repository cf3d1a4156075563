using System.Globalization;
using System.Text;

namespace Matchmaker.Api.Features.Shared;

/// <summary>
/// Which characters client text may hold. Three kinds of text, one rule each:
/// <list type="bullet">
/// <item><b>Identifier</b> (e-mails and names of accounts, SMEs, partners and contact persons): no control
/// character, no format character (zero-width spaces and joiners, bidirectional marks, embeddings,
/// overrides and isolates, soft hyphen, byte-order mark), no line or paragraph separator.</item>
/// <item><b>Line</b> (titles): no control character (tab and line breaks included) and no bidirectional
/// embedding, override or isolate.</item>
/// <item><b>Multi-line</b> (descriptions, notes): as a line, but tab, line feed and carriage return are allowed.</item>
/// </list>
/// Every kind refuses a broken UTF-16 surrogate. Anything else, markup, quotes, SQL, emoji (joined ones
/// included in free text), any script, is accepted and stored as sent.
/// </summary>
internal static class TextRules
{
    public static IRuleBuilderOptions<T, string?> IdentifierText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || IsIdentifier(text)).WithMessage(_ => Messages.Get("Text.Identifier"));

    public static IRuleBuilderOptions<T, string?> LineText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || IsFreeText(text, multiLine: false)).WithMessage(_ => Messages.Get("Text.Line"));

    public static IRuleBuilderOptions<T, string?> MultiLineText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || IsFreeText(text, multiLine: true)).WithMessage(_ => Messages.Get("Text.MultiLine"));

    public static bool IsIdentifier(string text) => All(text, rune => Rune.GetUnicodeCategory(rune) is not
        (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator));

    public static bool IsFreeText(string text, bool multiLine) => All(text, rune =>
        Rune.GetUnicodeCategory(rune) != UnicodeCategory.Control
            ? !IsBidiControl(rune)
            : multiLine && rune.Value is '\t' or '\n' or '\r');

    /// <summary>The embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069) that reorder how text around them is shown.</summary>
    public static bool IsBidiControl(Rune rune) => rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    /// <summary>Whether every surrogate is paired; only such text can be Unicode-normalised.</summary>
    public static bool IsWellFormed(string text) => All(text, _ => true);

    private static bool All(string text, Func<Rune, bool> allowed)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done || !allowed(rune))
                return false;
            rest = rest[used..];
        }

        return true;
    }
}
