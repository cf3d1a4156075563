using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Matchmaker.Api.Features.Notifications.Email;

/// <summary>One SMTP session through MailKit: STARTTLS when <c>Email:UseTls</c> (implicit TLS on port 465), then each message in turn.</summary>
internal sealed class SmtpSender(EmailOptions options) : IAsyncDisposable
{
    // One SMTP step may take Email:TimeoutSeconds (MailKit's own default is two minutes).
    private readonly SmtpClient client = new() { Timeout = (int)options.SmtpTimeout.TotalMilliseconds };

    public async Task ConnectAsync(CancellationToken ct)
    {
        var security = options.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect
            : options.UseTls ? SecureSocketOptions.StartTls
            : SecureSocketOptions.None;
        await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, security, ct);
        if (!string.IsNullOrEmpty(options.UserName))
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
    }

    /// <summary>Returns once the server has accepted the message.</summary>
    public Task SendAsync(MimeMessage message, CancellationToken ct) => client.SendAsync(message, ct);

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        client.Dispose();
    }
}
