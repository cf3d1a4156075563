using Matchmaker.Api.Infrastructure.Http;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>
/// Cross-origin access as this instance grants it (<c>Cors:AllowedOrigins</c>): stated in the
/// document's description and as <c>Access-Control-Allow-Origin</c> on every answer.
/// </summary>
internal sealed class CorsProcessor(string[] allowedOrigins) : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        var document = context.Document;
        document.Info.Description += allowedOrigins.Length == 0
            ? "\n\nCross-origin (CORS) browser access: none. `Cors:AllowedOrigins` is empty, so no answer carries CORS headers and browsers on other origins cannot read them."
            : $"\n\nCross-origin (CORS) browser access: the origins {string.Join(", ", allowedOrigins.Select(o => $"`{o}`"))} (`Cors:AllowedOrigins`), for GET, POST, PUT and DELETE, without cookies (send the token in `Authorization`).";

        var header = Header();
        foreach (var response in document.Operations.SelectMany(o => o.Operation.Responses.Values))
            response.Headers["Access-Control-Allow-Origin"] = header;
    }

    private OpenApiHeader Header()
    {
        var schema = new JsonSchema { Type = JsonObjectType.String, Format = "uri", MaxLength = FieldBounds.UrlMaxLength };
        if (allowedOrigins.Length == 0)
            return new OpenApiHeader
            {
                Description = "Never sent: no origin is allowed cross-origin access (`Cors:AllowedOrigins` is empty).",
                IsRequired = false,
                Schema = schema,
            };
        foreach (var origin in allowedOrigins)
            schema.Enumeration.Add(origin);
        return new OpenApiHeader
        {
            Description = "The request's `Origin`, sent only when it is one of the allowed origins (`Cors:AllowedOrigins`).",
            IsRequired = false,
            Schema = schema,
        };
    }
}
