using NSwag;

namespace Matchmaker.Api.Infrastructure.OpenApi;

internal static class OpenApiSetup
{
    public const string Description = """
        Matches Kyrgyz SMEs' investment needs with Shandong manufacturers and investors.

        Sign in with `POST /api/v1/auth/token` and send `Authorization: Bearer <accessToken>`. Errors are RFC 9457 problem
        details (`application/problem+json`). Creates answer 201 with `Location` and `ETag`; updates need `If-Match`
        (428 without it, 412 when stale). Lists take `limit` (1–100) and the `cursor` from the previous page's `nextCursor`.
        Unknown JSON properties are rejected with 400.
        """;

    /// <summary>The document names no fixed host: it describes whichever instance serves it, so clients stay on that origin.</summary>
    public static void DescribeServer(OpenApiDocument document, HttpRequest request)
    {
        document.Servers.Clear();
        document.Servers.Add(new AudienceServer
        {
            Url = "/",
            Description = "The instance serving this document (local, staging or production alike).",
        });
    }

    /// <summary>A server with its audience declared (<c>x-internal</c>), which documentation tools read.</summary>
    private sealed class AudienceServer : OpenApiServer
    {
        [Newtonsoft.Json.JsonProperty("x-internal")]
        public bool Internal { get; init; }
    }
}
