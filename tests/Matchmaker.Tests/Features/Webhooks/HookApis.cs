namespace Matchmaker.Tests.Features.Webhooks;

/// <summary>A fixture whose app may post webhooks to loopback addresses, where a <see cref="WebhookReceiver"/> of its own listens.</summary>
public interface IHookApi
{
    WebhookReceiver Receiver { get; }
}

public sealed class HookSqliteApi : SqliteApi, IHookApi
{
    public WebhookReceiver Receiver { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => HookSettings.Values;

    public override async ValueTask InitializeAsync()
    {
        await Receiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

public sealed class HookSqlServerApi : SqlServerApi, IHookApi
{
    public WebhookReceiver Receiver { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => HookSettings.Values;

    public override async ValueTask InitializeAsync()
    {
        await Receiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

internal static class HookSettings
{
    public static readonly IReadOnlyDictionary<string, string?> Values = new Dictionary<string, string?>
    {
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:PollSeconds"] = "0.2",
        ["Webhooks:TimeoutSeconds"] = "2",
        ["Webhooks:RetrySeconds:0"] = "1",
        ["Webhooks:RetrySeconds:1"] = "2",
        ["Webhooks:RetrySeconds:2"] = "1",
        ["Webhooks:RetrySeconds:3"] = "1",
        ["Webhooks:RetrySeconds:4"] = "1",
        ["Webhooks:RetrySeconds:5"] = "1",
        ["Webhooks:RetrySeconds:6"] = "1",
        ["Webhooks:RetrySeconds:7"] = "1",
        ["Needs:SweepInterval"] = "00:00:01",
    };
}
