using MimeKit;

namespace Matchmaker.Api.Features.Notifications.Email;

/// <summary>An inbox item as an e-mail in the recipient's language (its title as the subject, its text, a link to what it is about), or a day's items as one digest.</summary>
internal static class EmailComposer
{
    public static MimeMessage Compose(OutgoingEmail email, string language, EmailOptions options)
    {
        var (title, text) = NotificationTexts.Render(email.Kind!, NotificationStore.ReadFacts(email.Data!), language);
        return Message(email, title, [text, Link(email.MatchId, email.NeedId, options.LinkBaseUrl), Footer(language)], language, options);
    }

    /// <summary>A daily digest: every item of the day in the order it happened, each with its link.</summary>
    public static MimeMessage ComposeDigest(OutgoingEmail email, IReadOnlyList<DigestItem> items, string language, EmailOptions options)
    {
        var entries = items.Select(i =>
        {
            var (title, text) = NotificationTexts.Render(i.Kind, NotificationStore.ReadFacts(i.Data), language);
            return string.Join("\n  ", new[] { $"• {title}", text, Link(i.MatchId, i.NeedId, options.LinkBaseUrl) }.Where(p => p is not null));
        });
        return Message(email, DigestSubject(items.Count, language), [.. entries, Footer(language)], language, options);
    }

    internal static MimeMessage Message(OutgoingEmail email, string subject, IEnumerable<string?> paragraphs, string language, EmailOptions options)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{email.PublicId:N}@matchmaker" };
        message.From.Add(options.Sender!);
        message.To.Add(MailboxAddress.Parse(email.Address));
        var body = new TextPart("plain") { Text = string.Join("\n\n", paragraphs.Where(p => p is not null)) };
        body.Headers.Add(HeaderId.ContentLanguage, language);
        message.Body = body;
        return message;
    }

    private static string DigestSubject(int count, string language) => language switch
    {
        NotificationTexts.Russian => $"Matchmaker: новости за день ({count})",
        NotificationTexts.Chinese => $"Matchmaker：今日 {count} 条新消息",
        _ => count == 1 ? "Matchmaker: 1 update today" : $"Matchmaker: {count} updates today",
    };

    private static string? Link(Guid? matchId, Guid? needId, Uri? baseUrl) => (baseUrl, matchId, needId) switch
    {
        (null, _, _) => null,
        (_, { } match, _) => new Uri(baseUrl, $"api/v1/matches/{match}").ToString(),
        (_, null, { } need) => new Uri(baseUrl, $"api/v1/needs/{need}").ToString(),
        _ => null,
    };

    private static string Footer(string language) => language switch
    {
        NotificationTexts.Russian => "— Matchmaker. Как и когда приходят письма, настраивается в PUT /api/v1/me/notifications.",
        NotificationTexts.Chinese => "— Matchmaker。邮件的发送方式和语言可在 PUT /api/v1/me/notifications 中设置。",
        _ => "— Matchmaker. Choose how and when these e-mails come with PUT /api/v1/me/notifications.",
    };
}
