using System.Globalization;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>
/// Writes each endpoint's request and response examples as the API itself writes JSON (System.Text.Json
/// with the API's options), so that a property the API omits when null is omitted in the example too.
/// FastEndpoints.Swagger serializes them with Newtonsoft.Json, which ignores System.Text.Json's attributes,
/// and puts a single request example on the shared schema rather than on the request body.
/// </summary>
internal sealed class WireExamplesProcessor : IOperationProcessor
{
    private const string Json = "application/json";

    public bool Process(OperationProcessorContext context)
    {
        if (context is not AspNetCoreOperationProcessorContext aspNet
            || aspNet.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<EndpointDefinition>().SingleOrDefault() is not { EndpointSummary: { } summary })
            return true;

        var operation = context.OperationDescription.Operation;
        foreach (var (status, example) in summary.ResponseExamples)
        {
            if (operation.Responses.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var response)
                && response.Content.TryGetValue(Json, out var media))
                media.Example = Wire(example);
        }

        if (summary.RequestExamples.Count > 0 && operation.RequestBody?.Content.TryGetValue(Json, out var body) == true)
        {
            body.Schema.ActualSchema.Example = null;
            body.Example = Wire(summary.RequestExamples.First().Value);
        }

        return true;
    }

    private static JToken Wire(object example) => JToken.Parse(JsonSerializer.Serialize(example, example.GetType(), ApiJson.Options));
}
