using System.Net;
using System.Net.Sockets;

namespace Matchmaker.Api.Features.Webhooks;

/// <summary>
/// The check of a subscription URL that needs the network: its host must resolve, and only to public
/// addresses, and it must be https, unless <c>Webhooks:AllowPrivateNetworks</c> is set. The validator has
/// checked that it is an absolute http(s) URL.
/// </summary>
internal sealed class WebhookUrlGuard(WebhookOptions options)
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Why the URL may not be used, in the caller's language; null when it may.</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken ct)
    {
        if (options.AllowPrivateNetworks)
            return null;

        var uri = new Uri(url);
        if (uri.Scheme != Uri.UriSchemeHttps)
            return Messages.Get("Webhook.Https");

        var host = uri.IdnHost;
        var addresses = IPAddress.TryParse(uri.DnsSafeHost, out var literal) ? [literal] : await ResolveAsync(host, ct);
        if (addresses is null || addresses.Length == 0)
            return Messages.Get("Webhook.Unresolved", host);

        if (addresses.FirstOrDefault(a => !PublicAddresses.IsPublic(a)) is { } blocked)
            return Messages.Get("Webhook.NotPublic", host, blocked);

        return null;
    }

    private static async Task<IPAddress[]?> ResolveAsync(string host, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ResolveTimeout);
        try
        {
            return await Dns.GetHostAddressesAsync(host, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or ArgumentException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
    }
}
