namespace Matchmaker.Api.Features.Webhooks;

/// <summary><c>Webhooks:AllowPrivateNetworks</c>: lifts both the https and the public-address rules of subscription URLs.</summary>
internal sealed record WebhookOptions(bool AllowPrivateNetworks)
{
    public static WebhookOptions From(IConfiguration configuration) =>
        new(configuration.GetValue("Webhooks:AllowPrivateNetworks", false));
}
