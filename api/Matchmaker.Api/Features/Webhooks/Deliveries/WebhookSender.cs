using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Matchmaker.Api.Features.Webhooks.Deliveries;

/// <summary>What one attempt came to: the receiver's status code when it answered, and why it did not count when it did not.</summary>
internal sealed record AttemptResult(bool Delivered, int? StatusCode, string? Error);

/// <summary>
/// Posts signed deliveries. The address rules of subscriptions are enforced again at every connection,
/// on the addresses actually connected to, so a host that changed its DNS since it was subscribed (or
/// answers differently each time) still cannot make the server call into a private network; redirects
/// are not followed.
/// </summary>
internal sealed class WebhookSender : IDisposable
{
    private readonly WebhookOptions options;
    private readonly HttpClient http;

    public WebhookSender(WebhookOptions options)
    {
        this.options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = ConnectAsync,
        };
        http = new HttpClient(handler) { Timeout = options.Timeout };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Matchmaker-Webhooks/1.0");
    }

    public async Task<AttemptResult> SendAsync(OutgoingDelivery delivery, DateTimeOffset now, CancellationToken ct)
    {
        if (!Uri.TryCreate(delivery.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && !(options.AllowPrivateNetworks && url.Scheme == Uri.UriSchemeHttp)))
            return new AttemptResult(false, null, "The URL is not https.");

        var id = delivery.PublicId.ToString();
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(delivery.Secret, id, timestamp, delivery.Body));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? new AttemptResult(true, code, null) : new AttemptResult(false, code, $"The receiver answered {code}.");
        }
        catch (HttpRequestException e)
        {
            return new AttemptResult(false, null, e.InnerException is RefusedAddressException refused ? refused.Message : e.Message);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new AttemptResult(false, null, $"The receiver did not answer within {options.Timeout.TotalSeconds:0.#} s.");
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = options.AllowPrivateNetworks ? addresses : addresses.Where(PublicAddresses.IsPublic).ToArray();
        if (allowed.Length == 0)
            throw new RefusedAddressException($"Refused: '{host}' resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}, not a public address.");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => http.Dispose();

    private sealed class RefusedAddressException(string message) : IOException(message);
}
