using Matchmaker.Api.Infrastructure.Http.RateLimits;
using NSwag;
using NSwag.Generation.AspNetCore;

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

    public static void Configure(AspNetCoreOpenApiDocumentGeneratorSettings settings, FieldBounds fields, RateLimitPolicies rateLimits, string[] corsOrigins)
    {
        settings.DocumentName = "v1";
        settings.Title = "Matchmaker API";
        settings.Version = "v1";
        settings.Description = Description;
        settings.SchemaSettings.SchemaProcessors.Add(new OmittedWhenNullProcessor());
        settings.SchemaSettings.FlattenInheritanceHierarchy = true;
        settings.OperationProcessors.Add(new CsvAlternativeProcessor());
        settings.OperationProcessors.Add(new WireExamplesProcessor());
        settings.OperationProcessors.Add(new QueryParametersProcessor());
        settings.OperationProcessors.Add(new RateLimitsProcessor(rateLimits));

        // Order matters: the health routes get the shared answers too, roles land in the description
        // before it falls back to the summary, every error answer is declared before it gets its
        // problem body, and unused schemas go last.
        settings.DocumentProcessors.Add(new HealthChecksProcessor());
        settings.DocumentProcessors.Add(new SecurityProcessor());
        settings.DocumentProcessors.Add(new RouteShapeAnswersProcessor());
        settings.DocumentProcessors.Add(new HeadersProcessor());
        settings.DocumentProcessors.Add(new ProblemDetailsProcessor());
        settings.DocumentProcessors.Add(new RateLimitHeadersProcessor(rateLimits));
        settings.DocumentProcessors.Add(new CorsProcessor(corsOrigins));
        settings.DocumentProcessors.Add(new FieldBoundsProcessor(fields));
        settings.DocumentProcessors.Add(new DocumentInfoProcessor());
        settings.DocumentProcessors.Add(new UnusedSchemasProcessor());
    }

    /// <summary>The bounds of the fields the host owns (problem details, paging, versions) and those the features describe.</summary>
    public static FieldBounds Fields(Action<FieldBounds> describeFeatureFields)
    {
        var fields = new FieldBounds();
        ProblemDetailsProcessor.DescribeFields(fields);
        Paging.DescribeFields(fields);
        ETags.DescribeFields(fields);
        describeFeatureFields(fields);
        return fields;
    }

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
