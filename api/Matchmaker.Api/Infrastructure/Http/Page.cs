namespace Matchmaker.Api.Infrastructure.Http;

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

internal static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    private static readonly string CursorPattern = $"^[A-Za-z0-9_-]{{1,{Cursor.MaxLength}}}$";

    public static void DescribeFields(FieldBounds fields) => fields
        .String("cursor", Cursor.MaxLength, CursorPattern)
        .String("nextCursor", Cursor.MaxLength, CursorPattern)
        .Integer("limit", 1, MaxLimit)
        .Objects("items", MaxLimit);

    /// <summary>Rows were fetched with one extra to learn whether a next page exists.</summary>
    public static Page<TOut> Build<TRow, TOut>(IReadOnlyList<TRow> rows, int limit, Func<TRow, string> cursor, Func<TRow, TOut> map)
    {
        var hasMore = rows.Count > limit;
        var pageRows = hasMore ? rows.Take(limit).ToList() : rows;
        var next = hasMore ? cursor(pageRows[^1]) : null;
        return new Page<TOut>(pageRows.Select(map).ToList(), next);
    }
}
