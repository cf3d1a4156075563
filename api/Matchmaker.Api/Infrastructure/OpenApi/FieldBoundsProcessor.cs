using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>Applies the <see cref="FieldBounds"/> the areas contributed to every schema and query, path or header parameter.</summary>
internal sealed class FieldBoundsProcessor(FieldBounds bounds) : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        var document = context.Document;
        foreach (var o in document.Operations)
            BoundParameters(o.Path, o.Operation);

        foreach (var (name, schema) in document.Components.Schemas)
        {
            Bound(schema, name, new HashSet<JsonSchema>());
            CloseMaps(schema);
        }
    }

    private void BoundParameters(string path, OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters)
        {
            var schema = parameter.Schema ?? parameter;
            if (schema.Format == "guid")
                schema.Format = "uuid";
            Bound(schema, $"{path} param", parameter.Name);
            if (string.IsNullOrWhiteSpace(parameter.Description) && parameter.Kind == OpenApiParameterKind.Query)
                parameter.Description = ParameterDescriptions.For(path, parameter.Name);
        }
    }

    private void CloseMaps(JsonSchema schema)
    {
        foreach (var (field, keys) in bounds.ClosedMaps)
        {
            if (!schema.Properties.TryGetValue(field, out var map) || map.AdditionalPropertiesSchema is not { } value)
                continue;
            map.AdditionalPropertiesSchema = null;
            map.AllowAdditionalProperties = false;
            map.MaxProperties = 0;
            foreach (var key in keys)
            {
                map.Properties[key] = new JsonSchemaProperty { Type = value.Type, Format = value.Format, Minimum = value.Minimum, Maximum = value.Maximum };
                map.RequiredProperties.Add(key);
            }
        }
    }

    private void Bound(JsonSchema schema, string owner, HashSet<JsonSchema> seen)
    {
        if (!seen.Add(schema) || schema.HasReference)
            return;
        foreach (var (name, property) in schema.Properties)
        {
            // "nullable: false" is the default; beside a $ref without "type" it only makes the schema invalid for Ajv.
            if (property.Type == JsonObjectType.None && property.IsNullableRaw == false)
                property.IsNullableRaw = null;
            Bound(property, owner, name);
            Bound(property, owner, seen);
            if (property.AdditionalPropertiesSchema is { } values)
            {
                // A map keyed by status (or field): its values are bounded like the property itself.
                Bound(values, owner, name);
                if (property.MaxProperties == 0)
                    property.MaxProperties = 100;
            }
        }

        if (schema.Item is { } item)
            Bound(item, owner, seen);
        foreach (var inner in schema.OneOf.Concat(schema.AllOf).Concat(schema.AnyOf))
            Bound(inner, owner, seen);
    }

    private void Bound(JsonSchema schema, string owner, string name)
    {
        if (schema.HasReference)
            return;
        if (schema.Format == "guid")
            schema.Format = "uuid";
        if (schema.Type.HasFlag(JsonObjectType.String))
            BoundString(schema, bounds.StringOf(owner, name));
        else if (schema.Type.HasFlag(JsonObjectType.Integer) && bounds.TryInteger(owner, name, out var range))
        {
            schema.Minimum ??= range.Min;
            schema.Maximum ??= range.Max;
        }
        else if (schema.Type.HasFlag(JsonObjectType.Number) && bounds.TryNumber(owner, name, out var numbers))
        {
            schema.Minimum ??= (decimal)numbers.Min;
            schema.Maximum ??= (decimal)numbers.Max;
        }
        else if (schema.Type.HasFlag(JsonObjectType.Array))
        {
            if (bounds.TryList(owner, name, out var list))
            {
                SetMaxItems(schema, list.MaxItems);
                if (schema.Item is { HasReference: false } items && items.Type.HasFlag(JsonObjectType.String))
                    BoundString(items, list.Item);
            }
            else if (bounds.TryObjects(owner, name, out var maxItems))
                SetMaxItems(schema, maxItems);
        }
    }

    private static void SetMaxItems(JsonSchema schema, int maxItems)
    {
        if (schema.MaxItems == 0 || schema.MaxItems > maxItems)
            schema.MaxItems = maxItems;
    }

    private static void BoundString(JsonSchema schema, StringLimit? limit)
    {
        switch (schema.Format)
        {
            case "uuid":
                schema.MaxLength ??= 36;
                return;
            case "date-time":
                schema.MaxLength ??= FieldBounds.DateTimeMaxLength;
                return;
            case "date":
                schema.MaxLength ??= 10;
                return;
        }

        if (limit is null)
            return;
        schema.MaxLength = schema.MaxLength is { } existing ? Math.Min(existing, limit.MaxLength) : limit.MaxLength;
        if (limit.Enum is { } values && schema.Enumeration.Count == 0)
        {
            // NSwag adds the null of a nullable enum itself when it writes the document.
            foreach (var value in values)
                schema.Enumeration.Add(value);
        }
        else if (limit.Pattern is { } pattern)
            schema.Pattern ??= pattern;
        if (limit.Format is { } format)
            schema.Format ??= format;
    }
}
