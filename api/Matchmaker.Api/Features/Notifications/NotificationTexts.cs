using System.Globalization;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Notifications;

/// <summary>An inbox item's title and text in English, Russian or Chinese (<see cref="Preferences.PreferenceStore.Languages"/>, the recipient's preference), made when it is read.</summary>
internal static class NotificationTexts
{
    public const string English = "en";
    public const string Russian = "ru";
    public const string Chinese = "zh";

    public static (string Title, string Text) Render(string kind, NoticeFacts f, string language)
    {
        var need = f.NeedTitle ?? "";
        var other = f.Other ?? "";
        var score = f.Score is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "";
        var count = f.Count ?? 1;
        var until = f.Until is { } u ? u.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
        var stage = Stage(f.Status, language);
        var profile = f.Profile ?? "";
        var isSme = f.ProfileKind == ProfileKind.Sme;
        var note = f.Note ?? "";
        return (kind, language) switch
        {
            (NotificationKind.MatchSuggested, Russian) when count > 1 => ($"Новые совпадения: {count}", $"«{need}»: лучшее — {other}, {score} баллов."),
            (NotificationKind.MatchSuggested, Russian) => ("Новое совпадение", $"«{need}»: {other}, {score} баллов."),
            (NotificationKind.MatchSuggested, Chinese) when count > 1 => ($"{count} 个新匹配", $"“{need}”：最佳为 {other}，{score} 分。"),
            (NotificationKind.MatchSuggested, Chinese) => ("新的匹配", $"“{need}”：{other}，{score} 分。"),
            (NotificationKind.MatchSuggested, _) when count > 1 => ($"{count} new matches", $"“{need}”: the best is {other}, scoring {score}."),
            (NotificationKind.MatchSuggested, _) => ("A new match", $"“{need}”: {other}, scoring {score}."),

            (NotificationKind.InterestReceived, Russian) => ("Вами заинтересовались", $"{other} проявляет интерес к «{need}». Ответьте, чтобы обменяться контактами."),
            (NotificationKind.InterestReceived, Chinese) => ("有人对您感兴趣", $"{other} 对“{need}”表示了兴趣。回应后即可交换联系方式。"),
            (NotificationKind.InterestReceived, _) => ("Someone is interested", $"{other} is interested in “{need}”. Answer to exchange contact details."),

            (NotificationKind.Mutual, Russian) => ("Взаимный интерес", $"Вы и {other} заинтересованы в «{need}»: контакты открыты."),
            (NotificationKind.Mutual, Chinese) => ("双方均有意向", $"您和 {other} 都对“{need}”感兴趣：联系方式已公开。"),
            (NotificationKind.Mutual, _) => ("It is mutual", $"You and {other} are both interested in “{need}”: contact details are now visible."),

            (NotificationKind.StageChanged, Russian) => ($"Этап: {stage}", $"{other} перевёл(а) «{need}» на этап «{stage}»."),
            (NotificationKind.StageChanged, Chinese) => ($"阶段：{stage}", $"{other} 已将“{need}”推进到“{stage}”阶段。"),
            (NotificationKind.StageChanged, _) => ($"Moved to {stage}", $"{other} moved “{need}” to {stage}."),

            (NotificationKind.Declined, Russian) => ("Совпадение отклонено", $"{other} отклонил(а) совпадение по «{need}»."),
            (NotificationKind.Declined, Chinese) => ("匹配已被拒绝", $"{other} 拒绝了“{need}”的匹配。"),
            (NotificationKind.Declined, _) => ("A match was declined", $"{other} declined the match for “{need}”."),

            (NotificationKind.NeedExpiring, Russian) => ("Потребность скоро истечёт", $"«{need}» истекает {until}. Продлите её, чтобы остаться в списках партнёров."),
            (NotificationKind.NeedExpiring, Chinese) => ("需求即将到期", $"“{need}”将于 {until} 到期。续期后可继续出现在合作方的列表中。"),
            (NotificationKind.NeedExpiring, _) => ("A need expires soon", $"“{need}” expires on {until}. Renew it to stay in partners' lists."),

            (NotificationKind.NeedExpired, Russian) => ("Срок потребности истёк", $"«{need}» истекла {until} и больше не показывается партнёрам. Продлите её, чтобы вернуть."),
            (NotificationKind.NeedExpired, Chinese) => ("需求已到期", $"“{need}”已于 {until} 到期，不再向合作方展示。续期即可恢复。"),
            (NotificationKind.NeedExpired, _) => ("A need expired", $"“{need}” expired on {until} and is no longer shown to partners. Renew it to bring it back."),

            (NotificationKind.OutcomeDue, Russian) => ("Сообщите о результате", $"Как продвигается сделка с {other} по «{need}»? Запишите инвестиции и созданные рабочие места."),
            (NotificationKind.OutcomeDue, Chinese) => ("请填报成果", $"与 {other} 就“{need}”的合作进展如何？请记录投资额和新增就业。"),
            (NotificationKind.OutcomeDue, _) => ("Report an outcome", $"How is the deal with {other} on “{need}” going? Record the investment and the jobs created."),

            (NotificationKind.ProfileVerified, Russian) when isSme => ("Профиль подтверждён", $"«{profile}» подтверждён: теперь его видят партнёры, и ваши потребности подбираются с ними."),
            (NotificationKind.ProfileVerified, Russian) => ("Профиль подтверждён", $"«{profile}» подтверждён: теперь его видят МСП, и он подбирается к их потребностям."),
            (NotificationKind.ProfileVerified, Chinese) when isSme => ("资料已通过审核", $"“{profile}”已通过审核：合作方现在可以看到它，您的需求将与他们匹配。"),
            (NotificationKind.ProfileVerified, Chinese) => ("资料已通过审核", $"“{profile}”已通过审核：中小企业现在可以看到它，并将与其需求匹配。"),
            (NotificationKind.ProfileVerified, _) when isSme => ("Your profile is verified", $"“{profile}” is verified: partners now see it and your needs are matched with them."),
            (NotificationKind.ProfileVerified, _) => ("Your profile is verified", $"“{profile}” is verified: SMEs now see it and it is matched with their needs."),

            (NotificationKind.ProfileRejected, Russian) => ("Профиль не подтверждён", $"«{profile}» не подтверждён. Комментарий агентства: {note} Исправьте профиль, чтобы он снова ушёл на проверку."),
            (NotificationKind.ProfileRejected, Chinese) => ("资料未通过审核", $"“{profile}”未通过审核。机构的说明：{note} 修改资料后将重新提交审核。"),
            (NotificationKind.ProfileRejected, _) => ("Your profile was not verified", $"“{profile}” was not verified. The agency's note: {note} Edit the profile to have it reviewed again."),

            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a notification kind."),
        };
    }

    private static string Stage(string? status, string language) => (status, language) switch
    {
        ("meeting", Russian) => "встреча",
        ("negotiation", Russian) => "переговоры",
        ("agreement", Russian) => "соглашение",
        ("closed", Russian) => "завершено",
        ("meeting", Chinese) => "会面",
        ("negotiation", Chinese) => "谈判",
        ("agreement", Chinese) => "协议",
        ("closed", Chinese) => "完成",
        (null, _) => "",
        _ => status,
    };
}
