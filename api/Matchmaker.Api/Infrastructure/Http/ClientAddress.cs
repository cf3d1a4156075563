using System.Net;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// Sets the connection's remote address to the client's when the request came through a proxy listed
/// in <c>Network:KnownProxies</c>: the rightmost <c>X-Forwarded-For</c> address that is not a known
/// proxy. From any other peer the header is ignored, so a client cannot pick its own address (and
/// with it a fresh rate-limit partition). Unlike ForwardedHeadersMiddleware it does not trust the
/// header when the peer's address is unknown.
/// </summary>
internal sealed class ClientAddress(RequestDelegate next, IConfiguration configuration)
{
    public const string Setting = "Network:KnownProxies";
    private const string ForwardedFor = "X-Forwarded-For";

    private readonly HashSet<IPAddress> proxies = KnownProxies(configuration);

    public Task InvokeAsync(HttpContext context)
    {
        if (proxies.Count > 0 && context.Connection.RemoteIpAddress is { } peer && IsProxy(peer))
            context.Connection.RemoteIpAddress = Client(context.Request.Headers[ForwardedFor], peer);
        return next(context);
    }

    private IPAddress Client(IEnumerable<string?> headerValues, IPAddress peer)
    {
        var hops = headerValues.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        var client = peer;
        for (var i = hops.Count - 1; i >= 0 && IsProxy(client); i--)
        {
            // A hop a trusted proxy wrote but that is no address: the last trusted proxy is all that is known.
            if (Parse(hops[i]) is not { } hop)
                break;
            client = hop;
        }

        return client;
    }

    private bool IsProxy(IPAddress address) => proxies.Contains(Normal(address));

    private static IPAddress? Parse(string hop) =>
        IPEndPoint.TryParse(hop, out var endPoint) ? Normal(endPoint.Address)
        : IPAddress.TryParse(hop.Trim('[', ']'), out var address) ? Normal(address)
        : null;

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static HashSet<IPAddress> KnownProxies(IConfiguration configuration) =>
        configuration.GetSection(Setting).Get<string[]>()?
            .Select(p => IPAddress.TryParse(p.Trim(), out var address)
                ? Normal(address)
                : throw new InvalidOperationException($"{Setting} holds '{p}', which is not an IP address."))
            .ToHashSet() ?? [];
}
