using MimeKit;

namespace Matchmaker.Api.Features.Notifications.Email;

/// <summary>An inbox item as an e-mail in the recipient's language: its title as the subject, its text, a link to what it is about.</summary>
internal static class EmailComposer
{
    public static MimeMessage Compose(OutgoingEmail email, string language, EmailOptions options)
    {
        var (title, text) = NotificationTexts.Render(email.Kind, NotificationStore.ReadFacts(email.Data), language);
        var message = new MimeMessage { Subject = title, MessageId = $"{email.PublicId:N}@matchmaker" };
        message.From.Add(options.Sender!);
        message.To.Add(MailboxAddress.Parse(email.Address));
        var link = Link(email, options.LinkBaseUrl);
        var body = new TextPart("plain") { Text = string.Join("\n\n", new[] { text, link, Footer(language) }.Where(p => p is not null)) };
        body.Headers.Add(HeaderId.ContentLanguage, language);
        message.Body = body;
        return message;
    }

    private static string? Link(OutgoingEmail email, Uri? baseUrl) => (baseUrl, email.MatchId, email.NeedId) switch
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
