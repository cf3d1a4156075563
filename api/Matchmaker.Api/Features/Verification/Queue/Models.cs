using Matchmaker.Api.Infrastructure.Http;

namespace Matchmaker.Api.Features.Verification.Queue;

/// <summary>Pending profiles oldest first, paged by a (pending since, kind, id) cursor.</summary>
public sealed class Request : ICursorQuery
{
    /// <summary><c>sme</c> or <c>partner</c>; both when absent.</summary>
    public string? Kind { get; set; }
    public int? Limit { get; set; }
    public string? Cursor { get; set; }

    internal int Take => Limit ?? Paging.DefaultLimit;

    internal DateTime? AfterSince => Infrastructure.Http.Cursor.TryDecode(Cursor, 3, out var keys) ? Infrastructure.Http.Cursor.Time(keys[0]) : null;

    internal long? AfterKind => Infrastructure.Http.Cursor.TryDecode(Cursor, 3, out var keys) ? keys[1] : null;

    internal long? AfterId => Infrastructure.Http.Cursor.TryDecode(Cursor, 3, out var keys) ? keys[2] : null;
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Kind).Must(k => k is null || ProfileKind.All.Contains(k))
            .WithMessage(x => Messages.Get("Value.NotOneOf", "kind", x.Kind!, string.Join(", ", ProfileKind.All)));
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
    }
}

/// <summary>A profile waiting for an agency: enough to pick it up; the full profile is one GET away.</summary>
/// <param name="RegistrationCode">The SME's INN or the partner's USCC.</param>
/// <param name="Place">The SME's region or the partner's city code.</param>
/// <param name="PendingSince">When it entered the queue: its creation, or the edit that sent it back.</param>
/// <param name="LastNote">The agency's note of an earlier decision, if any.</param>
public sealed record QueueItem(string Kind, Guid Id, string Name, string RegistrationCode, string Place, DateTime PendingSince, DateTime CreatedAt, string? LastNote);

internal sealed record QueueRow
{
    public int KindOrder { get; init; }
    public string Kind { get; init; } = "";
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public string Name { get; init; } = "";
    public string RegistrationCode { get; init; } = "";
    public string Place { get; init; } = "";
    public DateTime Since { get; init; }
    public DateTime CreatedAt { get; init; }
    public string? Note { get; init; }
}
