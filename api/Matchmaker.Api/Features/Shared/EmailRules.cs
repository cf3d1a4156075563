using System.Text;

namespace Matchmaker.Api.Features.Shared;

/// <summary>
/// What an e-mail address may be. After Unicode NFKC (which turns a fullwidth <c>ｉ</c> into <c>i</c>)
/// it must be ASCII: letters that only look Latin, like the dotless <c>ı</c> or the Cyrillic <c>і</c>,
/// survive NFKC and would otherwise pass for another person's address. An internationalised domain is
/// written in its <c>xn--</c> form. Invisible and reordering characters are refused by the identifier rule.
/// </summary>
internal static class EmailRules
{
    public const int MaxLength = 254;

    public static IRuleBuilderOptions<T, string?> EmailText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(MaxLength).EmailAddress().IdentifierText()
            .Must(email => email is null || !TextRules.IsWellFormed(email) || IsAscii(email)).WithMessage(_ => Messages.Get("Email.Ascii"));

    public static bool IsAscii(string email) => Nfkc(email).All(char.IsAscii);

    /// <summary>NFKC where the text can be normalised; text with a broken surrogate is left as it is (and refused by the rules).</summary>
    public static string Nfkc(string text) => TextRules.IsWellFormed(text) ? text.Normalize(NormalizationForm.FormKC) : text;
}
