namespace Matchmaker.Api.Infrastructure.Http;

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor) : IPage
{
    object IPage.WithNextCursor(string cursor) => this with { NextCursor = cursor };
}

/// <summary>A page whose next position <see cref="CursorSealing"/> seals on the way out.</summary>
internal interface IPage
{
    string? NextCursor { get; }

    object WithNextCursor(string cursor);
}

internal static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    private static readonly string CursorPattern = $"^[A-Za-z0-9_-]{{{Cursor.MaxLength}}}$";

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
