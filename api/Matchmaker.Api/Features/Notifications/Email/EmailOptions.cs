using MimeKit;

namespace Matchmaker.Api.Features.Notifications.Email;

/// <summary>The <c>Email</c> configuration section (API.md, "Notification preferences and e-mail"). No host: no e-mail at all.</summary>
internal sealed record EmailOptions(
    string? SmtpHost,
    int SmtpPort,
    bool UseTls,
    string? UserName,
    string? Password,
    MailboxAddress? Sender,
    int DigestHourUtc,
    Uri? LinkBaseUrl,
    TimeSpan Poll,
    TimeSpan SmtpTimeout,
    IReadOnlyList<TimeSpan> RetryDelays,
    TimeSpan RetryFor)
{
    public bool Enabled => SmtpHost is not null;

    public static EmailOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Email");
        var host = section["SmtpHost"] is { Length: > 0 } h ? h.Trim() : null;
        var port = section.GetValue("SmtpPort", 587);
        if (port is < 1 or > 65535)
            throw new InvalidOperationException($"Email:SmtpPort must be a TCP port (1–65535), not {port}.");
        MailboxAddress? from = null;
        if (section["From"] is { Length: > 0 } f && !MailboxAddress.TryParse(f, out from))
            throw new InvalidOperationException($"Email:From must be an e-mail address such as \"Matchmaker <noreply@example.org>\", not \"{f}\".");
        if (host is not null && from is null)
            throw new InvalidOperationException("Email:From is required when Email:SmtpHost is set: it is the sender of every e-mail.");
        var digestHour = section.GetValue("DigestHourUtc", 6);
        if (digestHour is < 0 or > 23)
            throw new InvalidOperationException($"Email:DigestHourUtc must be an hour from 0 to 23, not {digestHour}.");
        Uri? links = null;
        if (section["LinkBaseUrl"] is { Length: > 0 } l && (!Uri.TryCreate(l, UriKind.Absolute, out links) || links.Scheme is not ("https" or "http")))
            throw new InvalidOperationException($"Email:LinkBaseUrl must be an absolute http(s) URL, not \"{l}\".");
        var poll = section.GetValue("PollSeconds", 5.0);
        if (poll <= 0)
            throw new InvalidOperationException($"Email:PollSeconds must be greater than 0, not {poll}.");
        var timeout = section.GetValue("TimeoutSeconds", 30.0);
        if (timeout <= 0)
            throw new InvalidOperationException($"Email:TimeoutSeconds must be greater than 0, not {timeout}.");
        var retry = section.GetSection("RetrySeconds").Get<double[]>() is { Length: > 0 } seconds ? seconds : null;
        if (retry is not null && retry.Any(s => s <= 0))
            throw new InvalidOperationException($"Email:RetrySeconds must list delays greater than 0 seconds, not [{string.Join(", ", retry)}].");
        return new EmailOptions(host, port, section.GetValue("UseTls", true), section["UserName"], section["Password"], from, digestHour, links,
            TimeSpan.FromSeconds(poll), TimeSpan.FromSeconds(timeout), retry?.Select(TimeSpan.FromSeconds).ToArray() ?? EmailRetry.DefaultDelays, TimeSpan.FromDays(7));
    }
}
