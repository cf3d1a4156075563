using System.Net;
using System.Net.Http.Json;

namespace Matchmaker.Tests.Infrastructure.Http.RateLimits;

/// <summary>
/// Which address the limits count is seen through the register limit (per client IP): requests from
/// one client share a partition, requests from different clients do not.
/// </summary>
public sealed class ClientAddressTests(RateLimitedApi api) : IClassFixture<RateLimitedApi>
{
    private static readonly IPAddress Proxy = IPAddress.Parse(RateLimitedApi.Proxy);

    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_client_has_its_own_limit()
    {
        var client = PeerApi.FreshPeer().ToString();
        for (var i = 0; i < RateLimitedApi.Register; i++)
            await Expect.StatusAsync(await RegisterAsync(Proxy, client), 201);

        await Expect.ProblemAsync(await RegisterAsync(Proxy, client), 429);
        await Expect.StatusAsync(await RegisterAsync(Proxy, PeerApi.FreshPeer().ToString()), 201);
    }

    [Fact]
    public async Task From_an_unknown_peer_x_forwarded_for_is_ignored()
    {
        var peer = PeerApi.FreshPeer();
        for (var i = 0; i < RateLimitedApi.Register; i++)
            await Expect.StatusAsync(await RegisterAsync(peer, PeerApi.FreshPeer().ToString()), 201);

        await Expect.ProblemAsync(await RegisterAsync(peer, PeerApi.FreshPeer().ToString()), 429);
    }

    [Fact]
    public async Task The_client_is_the_rightmost_forwarded_address_that_is_not_a_known_proxy()
    {
        var client = PeerApi.FreshPeer().ToString();
        for (var i = 0; i < RateLimitedApi.Register; i++)
            await Expect.StatusAsync(await RegisterAsync(Proxy, $"{PeerApi.FreshPeer()}, {client}, {RateLimitedApi.InnerProxy}"), 201);

        // Whatever a client writes to the left of its own address changes nothing.
        await Expect.ProblemAsync(await RegisterAsync(Proxy, $"{PeerApi.FreshPeer()}, {client}, {RateLimitedApi.InnerProxy}"), 429);
        await Expect.ProblemAsync(await RegisterAsync(Proxy, $"{client}:52100"), 429);
        // Another client behind the same proxies is counted on its own.
        await Expect.StatusAsync(await RegisterAsync(Proxy, $"{client}, {PeerApi.FreshPeer()}, {RateLimitedApi.InnerProxy}"), 201);
    }

    private Task<HttpResponseMessage> RegisterAsync(IPAddress peer, string forwardedFor)
    {
        var client = api.ClientFrom(peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client.PostAsJsonAsync("/api/v1/auth/register", new { email = api.UniqueEmail("forwarded"), password = ApiFixture.Password, role = "sme" });
    }
}
