using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>Describes the health-check routes, which are mapped outside FastEndpoints.</summary>
internal sealed class HealthChecksProcessor : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        var document = context.Document;
        document.Paths["/health/live"] = HealthCheck("Liveness", "Answers 200 `Healthy` while the process runs; checks nothing else.", readiness: false);
        document.Paths["/health/ready"] = HealthCheck("Readiness", "Answers 200 `Healthy` when the database answers, else 503 `Unhealthy`.", readiness: true);
    }

    private static OpenApiPathItem HealthCheck(string summary, string description, bool readiness)
    {
        var operation = new OpenApiOperation
        {
            OperationId = readiness ? "getReadiness" : "getLiveness",
            Summary = summary,
            Description = description,
            Tags = { "Operations" },
        };
        operation.Responses["200"] = Text("Healthy.", "Healthy");
        if (readiness)
            operation.Responses["503"] = Text("The database does not answer.", "Unhealthy");
        return new OpenApiPathItem { [OpenApiOperationMethod.Get] = operation };
    }

    private static OpenApiResponse Text(string description, string value) => new()
    {
        Description = description,
        Content =
        {
            ["text/plain"] = new OpenApiMediaType
            {
                Schema = new JsonSchema { Type = JsonObjectType.String, Enumeration = { value } },
            },
        },
    };
}
