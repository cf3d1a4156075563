using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>Endpoint metadata: the query parameter <paramref name="Name"/> holds one or more of <paramref name="Values"/>, comma-separated.</summary>
internal sealed record QueryList(string Name, IReadOnlyList<string> Values, IReadOnlyList<string> Example);

/// <summary>Endpoint metadata: an example value of the query parameter <paramref name="Name"/>.</summary>
internal sealed record QueryExample(string Name, object Example);

/// <summary>
/// Describes what the request type alone cannot: a comma-separated list is an array of codes sent as
/// <c>style: form, explode: false</c> (as OpenAPI spells "comma-separated"), and examples of query values.
/// </summary>
internal sealed class QueryParametersProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context is not AspNetCoreOperationProcessorContext aspNet)
            return true;
        var metadata = aspNet.ApiDescription.ActionDescriptor.EndpointMetadata;
        var parameters = context.OperationDescription.Operation.Parameters;
        foreach (var list in metadata.OfType<QueryList>())
        {
            var parameter = Find(parameters, list.Name);
            parameter.Schema = new JsonSchema
            {
                Type = JsonObjectType.Array,
                MinItems = 1,
                MaxItems = list.Values.Count,
                Item = Codes(list.Values),
            };
            parameter.Style = OpenApiParameterStyle.Form;
            parameter.Explode = false;
            parameter.Example = list.Example;
        }

        foreach (var example in metadata.OfType<QueryExample>())
            Find(parameters, example.Name).Example = example.Example;
        return true;
    }

    private static OpenApiParameter Find(ICollection<OpenApiParameter> parameters, string name) =>
        parameters.SingleOrDefault(p => p.Kind == OpenApiParameterKind.Query && p.Name == name)
        ?? throw new InvalidOperationException($"The operation has no query parameter '{name}' to describe.");

    private static JsonSchema Codes(IReadOnlyList<string> values)
    {
        var schema = new JsonSchema { Type = JsonObjectType.String, MaxLength = values.Max(v => v.Length) };
        foreach (var value in values)
            schema.Enumeration.Add(value);
        return schema;
    }
}
