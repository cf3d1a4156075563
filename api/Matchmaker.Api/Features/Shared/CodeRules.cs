using System.Collections.Frozen;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Api.Features.Shared;

/// <summary>Rules for fields that hold reference codes or lists of them.</summary>
internal static class CodeRules
{
    /// <summary>The language codes a profile may list: the engine's, spelled exactly.</summary>
    public static readonly FrozenSet<string> Languages = Vocabulary.Languages.Codes.ToFrozenSet(StringComparer.Ordinal);

    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, Func<IReadOnlySet<string>> codes, CodeKind what) =>
        rule.Must(v => v is null || codes().Contains(v)).WithMessage(_ => Messages.Get("Code.Unknown", Kind(what)));

    /// <summary>A <c>sector</c> filter: an ISIC division such as C28 or a whole section such as C.</summary>
    public static IRuleBuilderOptions<T, string?> SectorCode<T>(this IRuleBuilder<T, string?> rule, ReferenceCodes codes) =>
        rule.Must(s => s is null || codes.Divisions.Contains(s) || codes.Sections.Contains(s))
            .WithMessage(_ => Messages.Get("Code.Sector"));

    public static IRuleBuilderOptions<T, List<string>?> CodeList<T>(this IRuleBuilder<T, List<string>?> rule, Func<IReadOnlySet<string>> codes, CodeKind what, int min, int max) =>
        rule.Must(list => list is null || (list.Count >= min && list.Count <= max))
            .WithMessage(_ => min == max ? Messages.Get("Code.Exactly", min) : Messages.Get("Code.Between", min, max))
            .Must(list => list is null || list.All(v => v is not null && codes().Contains(v)))
            .WithMessage((_, list) => Messages.Get("Code.UnknownList", Kind(what), string.Join(", ", Unknown(list, codes()))))
            .Must(list => list is null || list.Distinct(StringComparer.Ordinal).Count() == list.Count)
            .WithMessage(_ => Messages.Get("Code.Repeated"));

    public static IRuleBuilderOptions<T, List<string>?> TextList<T>(this IRuleBuilder<T, List<string>?> rule, int maxItems, int maxLength) =>
        rule.Must(list => list is null || list.Count <= maxItems)
            .WithMessage(_ => Messages.Get("List.AtMostItems", maxItems))
            .Must(list => list is null || list.All(v => !string.IsNullOrWhiteSpace(v) && v.Length <= maxLength))
            .WithMessage(_ => Messages.Get("List.ItemLength", maxLength))
            .Must(list => list is null || list.All(v => v is null || TextRules.IsFreeText(v, multiLine: false)))
            .WithMessage(_ => Messages.Get("Text.Line"));

    private static string Kind(CodeKind kind) => Messages.Get($"CodeKind.{kind}");

    private static IEnumerable<string> Unknown(IEnumerable<string>? list, IReadOnlySet<string> codes) =>
        (list ?? []).Where(v => v is null || !codes.Contains(v)).Select(v => v ?? "null").Distinct();
}
