using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>Endpoint metadata: the 200 answer is also available as <c>text/csv</c> (after <c>Accept</c> or <c>?format=csv</c>).</summary>
internal sealed record CsvAlternative;

internal sealed class CsvAlternativeProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context is AspNetCoreOperationProcessorContext aspNet
            && aspNet.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<CsvAlternative>().Any()
            && context.OperationDescription.Operation.Responses.TryGetValue("200", out var ok))
        {
            ok.Content["text/csv"] = new OpenApiMediaType
            {
                // A streamed export has no natural size limit; int.MaxValue states that rather than invent one.
                Schema = new JsonSchema { Type = JsonObjectType.String, MaxLength = int.MaxValue, Description = "UTF-8 CSV with a header row." },
            };
        }

        return true;
    }
}
