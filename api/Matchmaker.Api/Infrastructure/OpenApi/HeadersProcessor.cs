using System.Globalization;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>
/// The headers the API handles outside the endpoints: If-Match on conditional updates,
/// Idempotency-Key on secured creates, Retry-After on 429, and Location and ETag on successes.
/// </summary>
internal sealed class HeadersProcessor : IDocumentProcessor
{
    private const int IdempotencyKeyMaxLength = 200;

    /// <summary>The operations whose success answer carries the resource's ETag (those that call <c>ETags.Set</c>).</summary>
    private static readonly HashSet<string> ETagOperations = new(StringComparer.Ordinal)
    {
        "getCriteria", "updateCriteria", "declineMatch", "getMatch", "expressInterest", "recordDealStage",
        "closeNeed", "getNeed", "updateNeed", "getPartner", "updatePartner", "getSme", "updateSme", "getUser", "updateUser",
    };

    public void Process(DocumentProcessorContext context)
    {
        foreach (var (operation, method) in context.Document.Operations.Select(o => (o.Operation, o.Method)))
        {
            if (method == OpenApiOperationMethod.Put && operation.Responses.ContainsKey("412"))
                AddIfMatch(operation);
            if (method == OpenApiOperationMethod.Post && operation.Security is { Count: > 0 } && operation.Responses.ContainsKey("201"))
                AddIdempotencyKey(operation);
            foreach (var (status, response) in operation.Responses)
                AddResponseHeaders(operation, int.Parse(status, CultureInfo.InvariantCulture), response);
        }
    }

    private static void AddResponseHeaders(OpenApiOperation operation, int status, OpenApiResponse response)
    {
        if (status == 429)
            Header(response, "Retry-After", "Seconds to wait before the next attempt.", new JsonSchema { Type = JsonObjectType.Integer, Format = "int32", Minimum = 1, Maximum = 86_400 });
        // A 202 without a body (a mail on its way) has nothing to point at.
        if (status == 201 || (status == 202 && response.Content.Count > 0))
            Header(response, "Location", "Where the created resource (or the job) can be read.", UrlSchema());
        if (status == 201 || (status is 200 or 202 && ETagOperations.Contains(operation.OperationId)))
            Header(response, "ETag", "The version to send back in If-Match with the next update.", ETagSchema());
    }

    private static void AddIfMatch(OpenApiOperation operation)
    {
        if (operation.Parameters.Any(p => p.Name == "If-Match"))
            return;
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            Kind = OpenApiParameterKind.Header,
            // Required by the API (428 without it), but declared optional so that the 428 answer stays reachable for clients and proxies.
            IsRequired = false,
            Description = "The ETag of your last read. Without it the answer is 428; with a stale one 412.",
            Schema = new JsonSchema { Type = JsonObjectType.String, MaxLength = 200, Pattern = "^(\\*|(W/)?\"[^\"]*\"(\\s*,\\s*(W/)?\"[^\"]*\")*)$" },
        });
        ProblemDetailsProcessor.Declare(operation, 412);
        ProblemDetailsProcessor.Declare(operation, 428);
    }

    private static void AddIdempotencyKey(OpenApiOperation operation)
    {
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Http.Idempotency.Header,
            Kind = OpenApiParameterKind.Header,
            IsRequired = false,
            Description = Http.Idempotency.Description,
            Schema = new JsonSchema { Type = JsonObjectType.String, MaxLength = IdempotencyKeyMaxLength, Pattern = "^[\\x21-\\x7E]+$" },
        });
        ProblemDetailsProcessor.Declare(operation, 422);
        // The idempotency middleware answers 409 while an earlier request with the same key is still running.
        ProblemDetailsProcessor.Declare(operation, 409);
    }

    private static void Header(OpenApiResponse response, string name, string description, JsonSchema schema)
    {
        if (!response.Headers.ContainsKey(name))
            response.Headers[name] = new OpenApiHeader { Description = description, IsRequired = true, Schema = schema };
    }

    private static JsonSchema UrlSchema() => new() { Type = JsonObjectType.String, Format = "uri-reference", MaxLength = FieldBounds.UrlMaxLength };

    private static JsonSchema ETagSchema() => new() { Type = JsonObjectType.String, MaxLength = 64, Pattern = "^\"[0-9]+\"$", Example = "\"3\"" };
}
