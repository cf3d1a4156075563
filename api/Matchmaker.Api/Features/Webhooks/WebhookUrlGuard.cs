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
            return LocalizedText.Pick(
                "'url' must be an https URL.",
                "'url' должен быть URL со схемой https.",
                "'url' 必须是 https URL。");

        var host = uri.IdnHost;
        var addresses = IPAddress.TryParse(uri.DnsSafeHost, out var literal) ? [literal] : await ResolveAsync(host, ct);
        if (addresses is null || addresses.Length == 0)
            return LocalizedText.Pick(
                $"'url': the host '{host}' could not be resolved.",
                $"'url': не удалось разрешить имя хоста '{host}'.",
                $"'url'：无法解析主机 '{host}'。");

        if (addresses.FirstOrDefault(a => !PublicAddresses.IsPublic(a)) is { } blocked)
            return LocalizedText.Pick(
                $"'url' must point to a public address; '{host}' resolves to {blocked}.",
                $"'url' должен указывать на публичный адрес; '{host}' разрешается в {blocked}.",
                $"'url' 必须指向公网地址；'{host}' 解析为 {blocked}。");

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
