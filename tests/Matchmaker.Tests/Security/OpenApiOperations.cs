using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Security;

/// <summary>One parameter of an operation as the OpenAPI document states it, with its schema resolved.</summary>
internal sealed record OperationParameter(string Name, string In, JsonObject Schema);

/// <summary>One operation of the OpenAPI document: its parameters and, where it takes one, its JSON body's schema and example.</summary>
internal sealed record ApiOperation(string Method, string Template, IReadOnlyList<OperationParameter> Parameters, JsonObject? BodySchema, JsonNode? BodyExample)
{
    public string Key => $"{Method} {Template}";
}

/// <summary>Reads operations and schemas out of the app's own <c>/openapi/v1.json</c>, following <c>$ref</c>s.</summary>
internal sealed class OpenApiOperations(JsonNode document)
{
    public IReadOnlyList<ApiOperation> All() =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op =>
        {
            var operation = op.Value!.AsObject();
            var parameters = (operation["parameters"]?.AsArray() ?? [])
                .Select(p => new OperationParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), Resolve(p["schema"]?.AsObject() ?? [])))
                .ToList();
            var json = operation["requestBody"]?["content"]?["application/json"];
            return new ApiOperation(op.Key.ToUpperInvariant(), path.Key, parameters,
                json?["schema"] is JsonObject schema ? Resolve(schema) : null, json?["example"]?.DeepClone());
        })).ToList();

    /// <summary>The schema a reference or a one-element <c>oneOf</c>/<c>allOf</c> wrapper stands for; the wrapper's <c>nullable</c> is kept.</summary>
    public JsonObject Resolve(JsonObject schema)
    {
        if (schema["$ref"] is JsonValue reference)
            return Resolve(document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]!.AsObject());
        foreach (var wrapper in new[] { "oneOf", "allOf", "anyOf" })
        {
            if (schema[wrapper] is JsonArray { Count: 1 } single)
            {
                var inner = Resolve(single[0]!.AsObject()).DeepClone().AsObject();
                if (schema["nullable"] is JsonValue nullable)
                    inner["nullable"] = nullable.DeepClone();
                return inner;
            }
        }

        return schema;
    }

    public static string TypeOf(JsonObject schema) =>
        schema["type"]?.GetValue<string>() ?? (schema["properties"] is not null ? "object" : schema["items"] is not null ? "array" : "any");
}
