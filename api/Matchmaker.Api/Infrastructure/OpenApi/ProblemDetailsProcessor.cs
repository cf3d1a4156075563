using System.Globalization;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>
/// Declares 500 on every route and gives every error answer the RFC 9457 problem-details body, its
/// description and an example.
/// </summary>
internal sealed class ProblemDetailsProcessor : IDocumentProcessor
{
    private const string ProblemJson = "application/problem+json";
    private const string ProblemSchema = "ProblemDetails";
    private const string ValidationProblemSchema = "ValidationProblemDetails";

    private static readonly Dictionary<int, string> StatusDescriptions = new()
    {
        [400] = "The body or query is invalid: `errors` maps each field (camelCase, e.g. `contact.email`, `sectors[0]`) to its messages.",
        [401] = "No token, or the token is invalid or expired.",
        [403] = "Signed in, but the caller's role may not do this.",
        [404] = "Not found, or not visible to the caller.",
        [409] = "Conflicts with the current state.",
        [412] = "If-Match does not match the current ETag: read the resource again.",
        [413] = "The body is larger than the API accepts (256 KiB by default).",
        [415] = "The body is not `application/json`.",
        [422] = "The Idempotency-Key was used before by this caller on this route with another body.",
        [428] = "If-Match is missing.",
        [429] = "Over a rate limit; retry after the seconds in `Retry-After`.",
        [500] = "Unexpected server error (problem details, never a stack trace).",
    };

    private readonly JsonSchema _problem = ProblemObject("RFC 9457 problem details.");
    private readonly JsonSchema _validationProblem = ProblemObject("RFC 9457 problem details; on validation failures `errors` maps each field to its messages.");

    public static void DescribeFields(FieldBounds fields) => fields
        .String("type", FieldBounds.UrlMaxLength)
        .String("detail", 4000)
        .String("instance", FieldBounds.UrlMaxLength)
        .String("traceId", 128, "^[0-9a-f-]+$")
        .String("ProblemDetails.title", 200)
        .Integer("status", 100, 599)
        .Integer("retryAfter", 1, 86_400);

    /// <summary>Declares an error answer unless the route declares it itself.</summary>
    public static void Declare(OpenApiOperation operation, int status)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (!operation.Responses.ContainsKey(key))
            operation.Responses[key] = new OpenApiResponse { Description = StatusDescriptions[status] };
    }

    public void Process(DocumentProcessorContext context)
    {
        var document = context.Document;
        AddSchemas(document);
        foreach (var (path, operation) in document.Operations.Select(o => (o.Path, o.Operation)))
        {
            Declare(operation, 500);
            foreach (var (status, response) in operation.Responses)
            {
                var code = int.Parse(status, CultureInfo.InvariantCulture);
                if (code >= 400)
                    Complete(path, operation, code, response);
            }
        }
    }

    private void Complete(string path, OpenApiOperation operation, int status, OpenApiResponse response)
    {
        if (StatusDescriptions.TryGetValue(status, out var text) && (string.IsNullOrWhiteSpace(response.Description) || IsReasonPhrase(response.Description)))
            response.Description = text;
        response.Content.Clear();
        response.Content[ProblemJson] = new OpenApiMediaType
        {
            Schema = new JsonSchema { Reference = status == 400 ? _validationProblem : _problem },
            Example = ProblemExamples.For(status, operation, path),
        };
    }

    private static bool IsReasonPhrase(string description) =>
        description is "Unauthorized" or "Forbidden" or "Bad Request" or "Not Found" or "Conflict" or "Internal Server Error";

    private void AddSchemas(OpenApiDocument document)
    {
        _validationProblem.Properties["errors"] = new JsonSchemaProperty
        {
            Type = JsonObjectType.Object,
            Description = "Field (camelCase path such as `contact.email` or `sectors[0]`) → messages, in the language of Accept-Language.",
            MaxProperties = 100,
            AdditionalPropertiesSchema = new JsonSchema
            {
                Type = JsonObjectType.Array,
                MaxItems = 20,
                Item = new JsonSchema { Type = JsonObjectType.String, MaxLength = 2000 },
            },
        };
        document.Components.Schemas[ProblemSchema] = _problem;
        document.Components.Schemas[ValidationProblemSchema] = _validationProblem;
    }

    private static JsonSchema ProblemObject(string description)
    {
        var schema = new JsonSchema { Type = JsonObjectType.Object, Description = description, AllowAdditionalProperties = false };
        schema.Properties["type"] = new JsonSchemaProperty { Type = JsonObjectType.String, Format = "uri-reference", MaxLength = FieldBounds.UrlMaxLength };
        schema.Properties["title"] = new JsonSchemaProperty { Type = JsonObjectType.String, MaxLength = 200 };
        schema.Properties["status"] = new JsonSchemaProperty { Type = JsonObjectType.Integer, Format = "int32", Minimum = 400, Maximum = 599 };
        schema.Properties["detail"] = new JsonSchemaProperty { Type = JsonObjectType.String, MaxLength = 4000 };
        schema.Properties["instance"] = new JsonSchemaProperty { Type = JsonObjectType.String, Format = "uri-reference", MaxLength = FieldBounds.UrlMaxLength };
        schema.Properties["traceId"] = new JsonSchemaProperty { Type = JsonObjectType.String, MaxLength = 128, Pattern = "^[0-9A-Za-z:.-]+$" };
        schema.RequiredProperties.Add("title");
        schema.RequiredProperties.Add("status");
        return schema;
    }
}
