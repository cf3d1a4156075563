using System.Collections.Frozen;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Api.Features.Shared;

/// <summary>Rules for fields that hold reference codes or lists of them.</summary>
internal static class CodeRules
{
    /// <summary>The language codes a profile may list: the engine's, spelled exactly.</summary>
    public static readonly FrozenSet<string> Languages = Vocabulary.Languages.Codes.ToFrozenSet(StringComparer.Ordinal);

    public static readonly string LanguageCodes = $"language ({string.Join(", ", Vocabulary.Languages.Codes)})";

    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, Func<IReadOnlySet<string>> codes, string what) =>
        rule.Must(v => v is null || codes().Contains(v)).WithMessage($"'{{PropertyValue}}' is not a known {what} code.");

    /// <summary>A <c>sector</c> filter: an ISIC division such as C28 or a whole section such as C.</summary>
    public static IRuleBuilderOptions<T, string?> SectorCode<T>(this IRuleBuilder<T, string?> rule, ReferenceCodes codes) =>
        rule.Must(s => s is null || codes.Divisions.Contains(s) || codes.Sections.Contains(s))
            .WithMessage("'sector' must be an ISIC division such as C28 or a section letter such as C.");

    public static IRuleBuilderOptions<T, List<string>?> CodeList<T>(this IRuleBuilder<T, List<string>?> rule, Func<IReadOnlySet<string>> codes, string what, int min, int max) =>
        rule.Must(list => list is null || (list.Count >= min && list.Count <= max))
            .WithMessage(min == max ? $"'{{PropertyName}}' must hold exactly {min} item(s)." : $"'{{PropertyName}}' must hold {min} to {max} items.")
            .Must(list => list is null || list.All(v => v is not null && codes().Contains(v)))
            .WithMessage((_, list) => $"'{{PropertyName}}' holds codes that are not known {what} codes: {string.Join(", ", Unknown(list, codes()))}.")
            .Must(list => list is null || list.Distinct(StringComparer.Ordinal).Count() == list.Count)
            .WithMessage("'{PropertyName}' lists a code more than once.");

    public static IRuleBuilderOptions<T, List<string>?> TextList<T>(this IRuleBuilder<T, List<string>?> rule, int maxItems, int maxLength) =>
        rule.Must(list => list is null || list.Count <= maxItems)
            .WithMessage($"'{{PropertyName}}' may hold at most {maxItems} items.")
            .Must(list => list is null || list.All(v => !string.IsNullOrWhiteSpace(v) && v.Length <= maxLength))
            .WithMessage($"Each item of '{{PropertyName}}' must be non-empty and at most {maxLength} characters.")
            .Must(list => list is null || list.All(v => v is null || TextRules.IsFreeText(v, multiLine: false)))
            .WithMessage(TextRules.LineMessage);

    private static IEnumerable<string> Unknown(IEnumerable<string>? list, IReadOnlySet<string> codes) =>
        (list ?? []).Where(v => v is null || !codes.Contains(v)).Select(v => v ?? "null").Distinct();
}
