namespace Matchmaker.Tests.Features.Notifications.Email;

/// <summary>A fixture whose app sends e-mail to a <see cref="TestSmtpServer"/> of its own, started with it.</summary>
public interface IMailApi
{
    TestSmtpServer Smtp { get; }
}

public sealed class MailSqliteApi : SqliteApi, IMailApi
{
    public TestSmtpServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => MailSettings.For(Smtp);

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

public sealed class MailSqlServerApi : SqlServerApi, IMailApi
{
    public TestSmtpServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => MailSettings.For(Smtp);

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

internal static class MailSettings
{
    public const string LinkBase = "https://matchmaker.example/";

    public static IReadOnlyDictionary<string, string?> For(TestSmtpServer smtp) => new Dictionary<string, string?>
    {
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:UseTls"] = "false",
        ["Email:From"] = "Matchmaker <noreply@matchmaker.example>",
        ["Email:LinkBaseUrl"] = LinkBase,
        ["Email:PollSeconds"] = "0.2",
        ["Email:DigestHourUtc"] = "0",
        ["Email:TimeoutSeconds"] = "2",
        ["Email:RetrySeconds:0"] = "1",
        ["Email:RetrySeconds:1"] = "2",
    };
}
