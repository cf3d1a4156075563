using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using NJsonSchema.Generation;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>
/// A property left out of the JSON when null is absent, never <c>null</c>: the document says so instead
/// of <c>nullable</c>, which on a <c>$ref</c> without <c>type</c> is invalid JSON Schema that Ajv (and so
/// Prism) refuses to compile.
/// </summary>
internal sealed class OmittedWhenNullProcessor : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        foreach (var property in context.ContextualType.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.WhenWritingNull })
                continue;
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (context.Schema.Properties.TryGetValue(name, out var schema))
                schema.IsNullableRaw = null;
        }
    }
}
