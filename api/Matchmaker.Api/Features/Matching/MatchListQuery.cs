using Matchmaker.Api.Features.Matching.Deals;

namespace Matchmaker.Api.Features.Matching;

/// <summary>The query of a match list, paged by a (score, creation time, id) cursor in the order of <see cref="MatchStore.Order"/>.</summary>
public abstract class MatchListQuery : ICursorQuery
{
    public const int MaxStatusLength = 200;

    public decimal? MinScore { get; set; }

    /// <summary>One or more match statuses, comma-separated.</summary>
    public string? Status { get; set; }

    /// <summary>True: only matches the other side said yes to and the caller's side has not; false: all but those.</summary>
    public bool? AwaitingMe { get; set; }
    public int? Limit { get; set; }
    public string? Cursor { get; set; }

    internal int Take => Limit ?? Paging.DefaultLimit;

    internal decimal? AfterScore => Infrastructure.Http.Cursor.TryDecode(Cursor, 3, out var keys) ? keys[0] / 10m : null;

    internal DateTime? AfterCreatedAt => Infrastructure.Http.Cursor.TryDecode(Cursor, 3, out var keys) ? Infrastructure.Http.Cursor.Time(keys[1]) : null;

    internal long? AfterId => Infrastructure.Http.Cursor.TryDecode(Cursor, 3, out var keys) ? keys[2] : null;

    /// <summary>
    /// The statuses the list shows to a caller acting for <paramref name="side"/> (null: agency or admin, for
    /// whom nothing awaits): <c>status</c> narrowed by <c>awaitingMe</c>. Empty when nothing can match.
    /// </summary>
    internal IReadOnlySet<string> Statuses(string? side)
    {
        IEnumerable<string> statuses = Status is null ? MatchStatus.All : StatusItems(Status);
        if (AwaitingMe is { } awaiting)
        {
            var awaitingSide = AwaitingStatus(side);
            statuses = statuses.Where(s => (s == awaitingSide) == awaiting);
        }

        return statuses.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The status of a match whose other side said yes and <paramref name="side"/> has not; none for agency or admin.</summary>
    internal static string? AwaitingStatus(string? side) => side switch
    {
        MatchSide.Sme => MatchStatus.PartnerInterested,
        MatchSide.Partner => MatchStatus.SmeInterested,
        _ => null,
    };

    internal static string[] StatusItems(string status) => status.Split(',');

    /// <summary>What the OpenAPI document says of the filters beyond the request type: the list of statuses, and examples.</summary>
    internal static object[] OpenApiShapes { get; } =
        [new QueryList("status", MatchStatus.All, [MatchStatus.PartnerInterested, MatchStatus.Mutual]), new QueryExample("awaitingMe", true)];
}

internal sealed class MatchListQueryRules : AbstractValidator<MatchListQuery>
{
    public MatchListQueryRules()
    {
        RuleFor(x => x.MinScore).InclusiveBetween(0, 100);
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Status).MatchStatusList();
    }
}

internal static class MatchStatusListRule
{
    /// <summary>One or more match statuses, comma-separated (the <c>status</c> filter of every match list and export).</summary>
    public static IRuleBuilderOptions<T, string?> MatchStatusList<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(MatchListQuery.MaxStatusLength)
            .Must(s => s is null || Unknown(s).Length == 0).WithMessage((_, s) => UnknownStatusMessage(Unknown(s!)));

    private static string[] Unknown(string status) =>
        MatchListQuery.StatusItems(status).Where(s => !MatchStatus.All.Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();

    private static string UnknownStatusMessage(string[] unknown)
    {
        var given = string.Join(", ", unknown.Select(s => $"'{s}'"));
        var known = string.Join(", ", MatchStatus.All);
        return Messages.Get("Match.UnknownStatus", given, known);
    }
}

internal static class MatchPaging
{
    /// <summary>The answer when the filters leave no status to show.</summary>
    public static Page<MatchResponse> Empty { get; } = new([], null);

    /// <summary>Rows were fetched with one extra to learn whether a next page exists.</summary>
    public static Page<MatchResponse> Build(IReadOnlyList<MatchRow> rows, int limit, Func<MatchRow, MatchResponse> map)
    {
        var pageRows = rows.Take(limit).ToList();
        var last = pageRows.LastOrDefault();
        var next = rows.Count > limit && last is not null
            ? Infrastructure.Http.Cursor.Encode((long)Math.Round(last.Score * 10, MidpointRounding.AwayFromZero), last.CreatedAt.Ticks, last.Id)
            : null;
        return new Page<MatchResponse>(pageRows.Select(map).ToList(), next);
    }
}
