using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Matchmaker.Tests.Infrastructure.Http.RateLimits;

namespace Matchmaker.Tests.Features.Auth;

/// <summary>Password reset counts against the sign-in limits; confirming a reset and verifying an address against the client IP's.</summary>
public sealed class AccountTokenLimitTests(RateLimitedApi api) : IClassFixture<RateLimitedApi>
{
    private const string UnknownToken = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    [Fact]
    public async Task Reset_requests_for_one_address_from_one_ip_stop_at_the_sign_in_limit()
    {
        var client = api.ClientFrom(PeerApi.FreshPeer());
        var email = api.UniqueEmail("reset");
        for (var i = 0; i < RateLimitedApi.SignIn; i++)
            await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email }), 202);

        var refused = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email });

        await AssertRefusedAsync(refused, "signin");
        Assert.Equal($"\"signin-ip\";q={3 * RateLimitedApi.SignIn};w={RateLimitedApi.WindowSeconds}, \"signin\";q={RateLimitedApi.SignIn};w={RateLimitedApi.WindowSeconds}",
            string.Join(", ", refused.Headers.GetValues("RateLimit-Policy")));
        await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = api.UniqueEmail("reset") }), 202);
    }

    [Theory]
    [InlineData("/api/v1/auth/password-reset/confirm")]
    [InlineData("/api/v1/auth/verify-email")]
    public async Task Trying_tokens_from_one_ip_stops_at_the_ip_limit(string route)
    {
        var client = api.ClientFrom(PeerApi.FreshPeer());
        for (var i = 0; i < 3 * RateLimitedApi.SignIn; i++)
            await Expect.ProblemAsync(await client.PostAsJsonAsync(route, Body(route)), 400, "token");

        await AssertRefusedAsync(await client.PostAsJsonAsync(route, Body(route)), "signin-ip");
    }

    private static JsonObject Body(string route) => route.EndsWith("/confirm", StringComparison.Ordinal)
        ? new JsonObject { ["token"] = UnknownToken, ["newPassword"] = "a-brand-new-passphrase" }
        : new JsonObject { ["token"] = UnknownToken };

    private static async Task AssertRefusedAsync(HttpResponseMessage refused, string policy)
    {
        await Expect.ProblemAsync(refused, 429);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Contains($"\"{policy}\";r=0;", string.Join(", ", refused.Headers.GetValues("RateLimit")));
    }
}
