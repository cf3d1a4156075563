using System.Text.Json;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// One text for every JSON text with the same meaning to the API: properties sorted by name at every
/// depth, no insignificant whitespace, strings with one escaping. Array order and number spelling stay.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The canonical form, or the bytes as they are where they are not JSON (the endpoint refuses those anyway).</summary>
    public static byte[] Of(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return json.ToArray();
        }

        using (document)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
                Write(writer, document.RootElement);
            return buffer.ToArray();
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
