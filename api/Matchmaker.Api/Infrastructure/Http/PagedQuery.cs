namespace Matchmaker.Api.Infrastructure.Http;

public abstract class PagedQuery
{
    public int? Limit { get; set; }
    public string? Cursor { get; set; }

    internal int Take => Limit ?? Paging.DefaultLimit;

    internal long? After => Http.Cursor.TryDecode(Cursor, out var key) ? key : null;
}

internal sealed class PagedQueryRules : AbstractValidator<PagedQuery>
{
    public PagedQueryRules()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor)
            .Must(c => Http.Cursor.TryDecode(c, out _))
            .When(x => !string.IsNullOrEmpty(x.Cursor))
            .WithMessage("'cursor' is not a cursor this API returned.");
    }
}
