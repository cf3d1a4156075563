using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Matchmaker.Tests.Features.Notifications.Email;
using MimeKit;

namespace Matchmaker.Tests.Features.Auth;

/// <summary>An app that mails to its own <see cref="TestSmtpServer"/>, with its links under <see cref="PublicUrl"/> (<c>App:PublicUrl</c>).</summary>
public sealed class AccountMailSqliteApi : SqliteApi, IMailApi
{
    public TestSmtpServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => AccountMail.Settings(Smtp);

    public override async ValueTask InitializeAsync()
    {
        Smtp.Start();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class AccountMailSqlServerApi : SqlServerApi, IMailApi
{
    public TestSmtpServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => AccountMail.Settings(Smtp);

    public override async ValueTask InitializeAsync()
    {
        Smtp.Start();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>Account mail as a test sees it: the links that arrive, and the tokens in them.</summary>
internal static partial class AccountMail
{
    public const string PublicUrl = "https://app.matchmaker.example";

    public static IReadOnlyDictionary<string, string?> Settings(TestSmtpServer smtp) =>
        new Dictionary<string, string?>(MailSettings.For(smtp)) { ["App:PublicUrl"] = PublicUrl + "/" };

    public static bool To(MimeMessage message, string address) => message.To.Mailboxes.Any(m => m.Address == address);

    /// <summary>The token of the <paramref name="kind"/> link (<c>verify-email</c> or <c>reset-password</c>) in a mail.</summary>
    public static string Token(MimeMessage message, string kind)
    {
        var link = Link().Match(message.TextBody ?? "");
        Assert.True(link.Success && link.Groups["kind"].Value == kind, $"no {kind} link in: {message.TextBody}");
        return link.Groups["token"].Value;
    }

    /// <summary>Waits for the <paramref name="count"/>-th mail of <paramref name="kind"/> to <paramref name="address"/> and returns its token.</summary>
    public static async Task<string> TokenAsync(TestSmtpServer smtp, string address, string kind, int count = 1)
    {
        var mails = await smtp.WaitForAsync(m => To(m, address) && (m.TextBody ?? "").Contains($"/{kind}?token=", StringComparison.Ordinal), count);
        return Token(mails[count - 1], kind);
    }

    public static async Task<string> RegisterAsync(ApiFixture api, string role = "sme", string? acceptLanguage = null)
    {
        var email = api.UniqueEmail(role);
        var client = api.CreateClient();
        if (acceptLanguage is not null)
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = ApiFixture.Password, role }), 201);
        return email;
    }

    [GeneratedRegex(@"(?<base>https?://[^\s/]+)/(?<kind>verify-email|reset-password)\?token=(?<token>[A-Za-z0-9_-]+)")]
    public static partial Regex Link();
}
