namespace Matchmaker.Api.Features.Notifications;

/// <param name="MatchId">The match it is about; for several new matches, the best of them.</param>
/// <param name="PartnerId">The partner profile it is about; for a decision on the reader's own profile, that profile when it is a partner's (an SME's carries no id).</param>
/// <param name="Title">In the reader's language (their notification preference).</param>
public sealed record InboxItemResponse(Guid Id, string Kind, DateTime At, bool Read, Guid? MatchId, Guid? NeedId, Guid? PartnerId, string Title, string Text)
{
    internal static InboxItemResponse From(NotificationRow row, string language)
    {
        var (title, text) = NotificationTexts.Render(row.Kind, NotificationStore.ReadFacts(row.Data), language);
        return new(row.PublicId, row.Kind, row.CreatedAt, row.ReadAt is not null, row.MatchPublicId, row.NeedPublicId, row.PartnerPublicId, title, text);
    }
}

internal static class NotificationBounds
{
    /// <summary>Ids one <c>POST /inbox/read</c> may name: a page at most.</summary>
    public const int MaxIdsPerRead = Paging.MaxLimit;

    // A title or text names a need (≤ 200 characters) and a company (≤ 200) around a sentence; a rejection
    // quotes the agency's note (≤ 1000) beside the company's name.
    public const int MaxTitleLength = 100;
    public const int MaxTextLength = 1400;

    public static void DescribeFields(FieldBounds fields) => fields
        .Code("InboxItemResponse.kind", 24, NotificationKind.All)
        .String("InboxItemResponse.title", MaxTitleLength)
        .String("InboxItemResponse.text", MaxTextLength)
        .List("ids", new StringLimit(36, Format: "uuid"), MaxIdsPerRead)
        .String("upTo", 36, format: "uuid");
}
