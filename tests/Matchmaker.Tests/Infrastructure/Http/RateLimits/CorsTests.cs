using System.Net;

namespace Matchmaker.Tests.Infrastructure.Http.RateLimits;

public sealed class CorsApi : PeerApi
{
    public const string Origin = "https://dashboard.example.test";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Cors:AllowedOrigins:0"] = Origin,
    };
}

public sealed class CorsTests(CorsApi api) : IClassFixture<CorsApi>
{
    [Fact]
    public async Task An_allowed_origin_gets_cors_headers_and_an_unknown_one_none()
    {
        var allowed = await GetAsync(api, CorsApi.Origin);
        var unknown = await GetAsync(api, "https://evil.example.test");

        Assert.Equal(CorsApi.Origin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("RateLimit", allowed.Headers.GetValues("Access-Control-Expose-Headers").Single());
        Assert.DoesNotContain(unknown.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered()
    {
        var preflight = await PreflightAsync(api, CorsApi.Origin);

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(CorsApi.Origin, preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("PUT", preflight.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }

    internal static async Task<HttpResponseMessage> GetAsync(PeerApi api, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reference/currencies");
        request.Headers.Add("Origin", origin);
        var response = await api.ClientFrom(PeerApi.FreshPeer()).SendAsync(request);
        await Expect.StatusAsync(response, 200);
        return response;
    }

    internal static async Task<HttpResponseMessage> PreflightAsync(PeerApi api, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/smes/6f1c7a52-3b0e-4c55-9d8e-2a4b1f0c9e11");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, if-match");
        return await api.ClientFrom(PeerApi.FreshPeer()).SendAsync(request);
    }
}

public sealed class NoCorsTests(UnlimitedApi api) : IClassFixture<UnlimitedApi>
{
    [Fact]
    public async Task By_default_no_answer_carries_cors_headers()
    {
        var response = await CorsTests.GetAsync(api, CorsApi.Origin);
        var preflight = await CorsTests.PreflightAsync(api, CorsApi.Origin);

        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(preflight.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }
}
