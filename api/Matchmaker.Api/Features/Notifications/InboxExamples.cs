using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Notifications;

internal static class InboxExamples
{
    private static InboxItemResponse Item(string id, string kind, DateTime at, bool read, NoticeFacts facts, Guid? matchId, Guid? partnerId)
    {
        var (title, text) = NotificationTexts.Render(kind, facts, NotificationTexts.English);
        return new(Guid.Parse(id), kind, at, read, matchId, Examples.NeedId, partnerId, title, text);
    }

    public static InboxItemResponse Interest => Item("0193f1a2-7b3c-7d4e-8f5a-6b7c8d9e0f1a", NotificationKind.InterestReceived, Examples.Updated, false,
        new NoticeFacts { NeedTitle = "CNC machining line", Other = "Qingdao Machinery Co., Ltd.", Score = 87.0m, Status = "partner_interested" },
        Examples.MatchId, Examples.PartnerId);

    public static InboxItemResponse Suggested => Item("0193f1a2-6a2b-7c3d-9e4f-5a6b7c8d9e0f", NotificationKind.MatchSuggested, Examples.PartnerJoined, true,
        new NoticeFacts { NeedTitle = "CNC machining line", Other = "Qingdao Machinery Co., Ltd.", Score = 87.0m, Count = 3 },
        Examples.MatchId, Examples.PartnerId);

    /// <summary>An agency's decision on the reader's own partner profile: no match or need, the profile as <c>partnerId</c>.</summary>
    public static InboxItemResponse PartnerRejected
    {
        get
        {
            var (title, text) = NotificationTexts.Render(NotificationKind.ProfileRejected, new NoticeFacts
            {
                Profile = "Qingdao Machinery Co., Ltd.",
                ProfileKind = Verification.ProfileKind.Partner,
                Note = "The USCC does not match the business registry; please correct it.",
            }, NotificationTexts.English);
            return new(Guid.Parse("0193f1a2-8c4d-7e5f-9a6b-7c8d9e0f1a2b"), NotificationKind.ProfileRejected, Examples.Updated.AddHours(1), false,
                null, null, Examples.PartnerId, title, text);
        }
    }

    public static Page<InboxItemResponse> Page => new([PartnerRejected, Interest, Suggested], Examples.Cursor);
}
