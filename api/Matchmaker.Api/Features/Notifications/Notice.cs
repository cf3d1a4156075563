namespace Matchmaker.Api.Features.Notifications;

/// <summary>
/// One item for one account's inbox. <paramref name="Recipient"/> is the account's id; an inactive
/// account receives nothing. The ids are the public ones the API shows.
/// </summary>
internal sealed record Notice(Guid Recipient, string Kind, Guid? MatchId, Guid? NeedId, Guid? PartnerId, NoticeFacts Facts);

/// <summary>
/// What the item's title and text are made from, in the recipient's language when it is read: names as
/// they were when it happened, so that the item keeps saying what was true then.
/// </summary>
/// <param name="Count">How many new matches one item announces (one item per need or partner per write or job).</param>
/// <param name="Other">The other party's name: the partner for the SME, the SME for the partner.</param>
/// <param name="Profile">The recipient's own profile an agency decided on: its name.</param>
/// <param name="ProfileKind"><c>sme</c> or <c>partner</c>: which side now sees a verified profile.</param>
/// <param name="Note">The agency's note on its decision, quoted as written.</param>
internal sealed record NoticeFacts
{
    public string? NeedTitle { get; init; }
    public string? Other { get; init; }
    public decimal? Score { get; init; }
    public string? Status { get; init; }
    public int? Count { get; init; }
    public DateTime? Until { get; init; }
    public string? Profile { get; init; }
    public string? ProfileKind { get; init; }
    public string? Note { get; init; }
}
