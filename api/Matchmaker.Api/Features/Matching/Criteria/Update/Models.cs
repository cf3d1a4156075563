using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Api.Features.Matching.Criteria.Update;

public sealed class Request
{
    /// <summary>Optional: the version this change is based on; it must be the latest one, as the If-Match header says.</summary>
    public int? Version { get; set; }

    public decimal? MinScore { get; set; }
    public int? MaxPerNeed { get; set; }
    public int? MaxPerPartner { get; set; }
    public List<CriterionRequest>? Criteria { get; set; }
}

public sealed class CriterionRequest
{
    public string? Key { get; set; }
    public double? Weight { get; set; }
    public bool? Required { get; set; }
    public bool? Enabled { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public const double MaxWeight = 1e6;
    public const int MaxCap = 10_000;

    public Validator()
    {
        RuleFor(x => x.MinScore).NotNull().InclusiveBetween(0, 100).PrecisionScale(4, 1, ignoreTrailingZeros: true);
        RuleFor(x => x.MaxPerNeed).NotNull().InclusiveBetween(1, MaxCap);
        RuleFor(x => x.MaxPerPartner).NotNull().InclusiveBetween(1, MaxCap);
        RuleFor(x => x.Criteria).NotNull().DependentRules(() =>
        {
            RuleFor(x => x.Criteria)
                .Must(list => CriteriaRules.Missing(Keys(list)).Count == 0)
                .WithMessage((_, list) => Messages.Get("Criteria.Missing", string.Join(", ", CriteriaRules.Missing(Keys(list)))))
                .Must(list => CriteriaRules.Duplicates(Keys(list)).Count == 0)
                .WithMessage((_, list) => Messages.Get("Criteria.Duplicates", string.Join(", ", CriteriaRules.Duplicates(Keys(list)))))
                .Must(list => list!.Any(c => c is { Enabled: true, Weight: > 0 }))
                .WithMessage(_ => Messages.Get("Criteria.NoWeight"));
            RuleForEach(x => x.Criteria).NotNull().ChildRules(criterion =>
            {
                criterion.RuleFor(c => c.Key).NotEmpty()
                    .Must(k => k is null || CriterionKeys.IndexOf(k) >= 0)
                    .WithMessage(_ => Messages.Get("Criteria.Unknown", string.Join(", ", CriterionKeys.All)));
                criterion.RuleFor(c => c.Weight).NotNull().InclusiveBetween(0, MaxWeight);
                criterion.RuleFor(c => c.Required).NotNull();
                criterion.RuleFor(c => c.Enabled).NotNull();
            });
        });
    }

    private static IEnumerable<string?> Keys(List<CriterionRequest>? list) => (list ?? []).Select(c => c?.Key);
}

/// <summary>Checks over the criteria list as a whole, which per-item rules cannot see.</summary>
internal static class CriteriaRules
{
    public static IReadOnlyList<string> Missing(IEnumerable<string?> keys)
    {
        var present = keys.ToHashSet(StringComparer.Ordinal);
        return CriterionKeys.All.Where(k => !present.Contains(k)).ToList();
    }

    public static IReadOnlyList<string> Duplicates(IEnumerable<string?> keys) =>
        keys.OfType<string>().GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
}

internal static class CriteriaBounds
{
    public static void DescribeFields(FieldBounds fields) => fields
        .Code("criterion", 32, CriterionKeys.All)
        .Code("key", 32, CriterionKeys.All)
        .String("BreakdownItem.reason", 500)
        .Code("CriteriaCriteriaResponse.status", 16, [CriteriaStatus.Pending, CriteriaStatus.Active])
        .Objects("breakdown", CriterionKeys.All.Length)
        .Objects("criteria", CriterionKeys.All.Length)
        .Integer("maxPerNeed", 1, Validator.MaxCap)
        .Integer("maxPerPartner", 1, Validator.MaxCap)
        .Integer("criteriaVersion", 1, int.MaxValue)
        .Integer("activeVersion", 1, int.MaxValue);
}
