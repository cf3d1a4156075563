using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Infrastructure.Http.RateLimits;

/// <summary>
/// Every route in the OpenAPI document falls under the policies the contract gives it, decided here
/// from the route's documented shape alone, so a new route is checked without being named.
/// </summary>
public sealed class RateLimitConventionTests(RateLimitedApi api) : IClassFixture<RateLimitedApi>
{
    [Fact]
    public async Task Every_route_counts_against_the_policies_the_contract_gives_it()
    {
        var document = await DocumentAsync(api);
        var checkedRoutes = 0;
        foreach (var (path, method, operation) in Operations(document))
        {
            var expected = Expected(document, path, method, operation);
            var actual = operation["x-rate-limits"]?.AsArray().Select(p => p!["policy"]!.GetValue<string>()).ToArray() ?? [];
            Assert.True(expected.SequenceEqual(actual), $"{method.ToUpperInvariant()} {path}: expected [{string.Join(", ", expected)}], documented [{string.Join(", ", actual)}]");
            checkedRoutes++;
        }

        Assert.True(checkedRoutes > 40, $"only {checkedRoutes} routes in the document");
    }

    [Fact]
    public async Task Limited_routes_document_429_with_retry_after_and_the_ratelimit_headers()
    {
        var document = await DocumentAsync(api);
        foreach (var (path, method, operation) in Operations(document))
        {
            var limited = operation["x-rate-limits"] is not null;
            foreach (var (status, response) in operation["responses"]!.AsObject().Where(r => r.Key[0] is '2' or '4'))
            {
                var headers = response!["headers"]!.AsObject();
                var what = $"{method.ToUpperInvariant()} {path} {status}";
                Assert.True(headers.ContainsKey("RateLimit"), $"{what} has no RateLimit header");
                Assert.True(headers.ContainsKey("Access-Control-Allow-Origin"), $"{what} does not say whether CORS headers come");
                var always = limited && (status[0] == '2' || status == "429");
                Assert.Equal(always, headers["RateLimit"]!["required"]?.GetValue<bool>() ?? false);
                Assert.Equal(limited, headers.ContainsKey("RateLimit-Policy"));
            }

            if (limited)
                Assert.True(operation["responses"]!["429"]?["headers"]?["Retry-After"] is not null, $"{method} {path} documents no 429 with Retry-After");
        }
    }

    [Fact]
    public async Task With_every_limit_off_the_document_names_no_policy()
    {
        await using var unlimited = new UnlimitedApi();
        await unlimited.InitializeAsync();
        var document = await DocumentAsync(unlimited);

        Assert.All(Operations(document), o => Assert.Null(o.Operation["x-rate-limits"]));
    }

    private static string[] Expected(JsonObject document, string path, string method, JsonObject operation)
    {
        if (method == "post" && path == "/api/v1/auth/register")
            return ["register"];
        if (method == "post" && path is "/api/v1/auth/token" or "/api/v1/auth/password-reset")
            return ["signin-ip", "signin"];
        if (method == "post" && path is "/api/v1/auth/password-reset/confirm" or "/api/v1/auth/verify-email")
            return ["signin-ip"];
        var signedIn = operation["security"]?.AsArray().Count > 0;
        if (!signedIn)
            return [];
        if (method == "get" && IsPage(document, operation))
            return ["search"];
        return method is "post" or "put" or "delete" ? ["write"] : [];
    }

    private static bool IsPage(JsonObject document, JsonObject operation)
    {
        var schema = operation["responses"]?["200"]?["content"]?["application/json"]?["schema"];
        while (schema?["$ref"] is { } reference)
            schema = document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]];
        var properties = schema?["properties"]?.AsObject();
        return properties is not null && properties.ContainsKey("items") && properties.ContainsKey("nextCursor");
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        select (path.Key, method.Key, method.Value!.AsObject());

    private static async Task<JsonObject> DocumentAsync(ApiFixture fixture) =>
        (await Expect.StatusAsync(await fixture.CreateClient().GetAsync("/openapi/v1.json"), 200)).AsObject();
}
