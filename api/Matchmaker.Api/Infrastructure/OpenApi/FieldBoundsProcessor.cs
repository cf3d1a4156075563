using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>Applies <see cref="FieldLimits"/> to every schema and query, path or header parameter.</summary>
internal sealed class FieldBoundsProcessor : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        var document = context.Document;
        foreach (var o in document.Operations)
            BoundParameters(o.Path, o.Operation);

        foreach (var (name, schema) in document.Components.Schemas)
        {
            Bound(schema, name, new HashSet<JsonSchema>());
            CloseStatusCounts(schema);
        }
    }

    private static void BoundParameters(string path, OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters)
        {
            var schema = parameter.Schema ?? parameter;
            if (schema.Format == "guid")
                schema.Format = "uuid";
            Bound(schema, "param", parameter.Name);
            if (string.IsNullOrWhiteSpace(parameter.Description) && parameter.Kind == OpenApiParameterKind.Query)
                parameter.Description = ParameterDescriptions.For(path, parameter.Name);
        }
    }

    /// <summary>The reports' <c>matches</c> always carries every status, so it is a closed object, not an open map.</summary>
    private static void CloseStatusCounts(JsonSchema schema)
    {
        if (!schema.Properties.TryGetValue("matches", out var matches) || matches.AdditionalPropertiesSchema is not { } count)
            return;
        matches.AdditionalPropertiesSchema = null;
        matches.AllowAdditionalProperties = false;
        matches.MaxProperties = 0;
        foreach (var status in FieldLimits.MatchStatuses)
        {
            matches.Properties[status] = new JsonSchemaProperty { Type = count.Type, Format = count.Format, Minimum = count.Minimum, Maximum = count.Maximum };
            matches.RequiredProperties.Add(status);
        }
    }

    private static void Bound(JsonSchema schema, string owner, HashSet<JsonSchema> seen)
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

    private static void Bound(JsonSchema schema, string owner, string name)
    {
        if (schema.HasReference)
            return;
        if (schema.Format == "guid")
            schema.Format = "uuid";
        if (schema.Type.HasFlag(JsonObjectType.String))
            BoundString(schema, TryLookup(FieldLimits.StringsBySchema, owner, name, out var limit) ? limit : FieldLimits.Strings.GetValueOrDefault(name));
        else if (schema.Type.HasFlag(JsonObjectType.Integer) && TryLookup(FieldLimits.Integers, owner, name, out var range))
        {
            schema.Minimum ??= range.Min;
            schema.Maximum ??= range.Max;
        }
        else if (schema.Type.HasFlag(JsonObjectType.Array))
        {
            if (TryLookup(FieldLimits.Lists, owner, name, out var list))
            {
                SetMaxItems(schema, list.MaxItems);
                if (schema.Item is { HasReference: false } items && items.Type.HasFlag(JsonObjectType.String))
                    BoundString(items, list.Item);
            }
            else if (TryLookup(FieldLimits.ObjectLists, owner, name, out var maxItems))
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
                schema.MaxLength ??= FieldLimits.DateTimeMaxLength;
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

    /// <summary>Looks for <c>SchemaSuffix.field</c> first, then for the plain field name.</summary>
    private static bool TryLookup<T>(Dictionary<string, T> table, string owner, string name, out T value)
    {
        foreach (var (key, candidate) in table)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && key[(dot + 1)..] == name && owner.EndsWith(key[..dot], StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        return table.TryGetValue(name, out value!);
    }
}
