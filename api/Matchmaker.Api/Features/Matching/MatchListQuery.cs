namespace Matchmaker.Api.Features.Matching;

/// <summary>The query of a match list, paged by a (score, creation time, id) cursor in the order of <see cref="MatchStore.Order"/>.</summary>
public abstract class MatchListQuery : ICursorQuery
{
    public decimal? MinScore { get; set; }
    public int? Limit { get; set; }
    public string? Cursor { get; set; }

    internal int Take => Limit ?? Paging.DefaultLimit;

    internal decimal? AfterScore => Infrastructure.Http.Cursor.TryDecode(Cursor, 3, out var keys) ? keys[0] / 10m : null;

    internal DateTime? AfterCreatedAt => Infrastructure.Http.Cursor.TryDecode(Cursor, 3, out var keys) ? Infrastructure.Http.Cursor.Time(keys[1]) : null;

    internal long? AfterId => Infrastructure.Http.Cursor.TryDecode(Cursor, 3, out var keys) ? keys[2] : null;
}

internal sealed class MatchListQueryRules : AbstractValidator<MatchListQuery>
{
    public MatchListQueryRules()
    {
        RuleFor(x => x.MinScore).InclusiveBetween(0, 100);
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
    }
}

internal static class MatchPaging
{
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
