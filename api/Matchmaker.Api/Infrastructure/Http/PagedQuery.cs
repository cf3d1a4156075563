namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>The query of a newest-first list, paged by a (creation time, id) cursor (opened by <see cref="CursorOpening"/>).</summary>
public abstract class PagedQuery : ICursorQuery
{
    public int? Limit { get; set; }
    public string? Cursor { get; set; }

    internal int Take => Limit ?? Paging.DefaultLimit;

    internal DateTime? AfterCreatedAt => Http.Cursor.TryDecode(Cursor, 2, out var keys) ? Http.Cursor.Time(keys[0]) : null;

    internal long? AfterId => Http.Cursor.TryDecode(Cursor, 2, out var keys) ? keys[1] : null;
}

internal sealed class PagedQueryRules : AbstractValidator<PagedQuery>
{
    public PagedQueryRules()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
    }
}

/// <summary>
/// The one order of every newest-first list: creation time descending, then the order the rows were
/// stored, newest first. Creation times are set by the caller's clock or by imports, so neither they
/// alone (they tie) nor the storage order alone (it need not follow them) keeps the documented order.
/// </summary>
internal static class NewestFirst
{
    public const string Description = "Newest first: by `createdAt` descending; records created in the same instant come in the reverse of the order they were stored.";

    public static string After(string table) =>
        $"(@AfterCreatedAt IS NULL OR {table}.created_at < @AfterCreatedAt OR ({table}.created_at = @AfterCreatedAt AND {table}.id < @AfterId))";

    public static string Order(string table) => $" ORDER BY {table}.created_at DESC, {table}.id DESC ";

    public static string Cursor(DateTime createdAt, long id) => Http.Cursor.Encode(createdAt.Ticks, id);
}
