using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Harness;

/// <summary>How validation tests state one change to a valid body: a dotted path and its new JSON.</summary>
internal static class BodyEdits
{
    /// <summary>Sets the field at <paramref name="path"/> to <paramref name="json"/>, or removes it when that is null.</summary>
    public static JsonObject Change(JsonObject body, string path, string? json)
    {
        var parts = path.Split('.');
        var target = body;
        foreach (var part in parts[..^1])
            target = target[part]!.AsObject();
        if (json is null)
            target.Remove(parts[^1]);
        else
            target[parts[^1]] = JsonNode.Parse(json);
        return body;
    }

    /// <summary>A profile as read, turned into the body of its PUT: without the fields the server owns.</summary>
    public static JsonObject AsProfileUpdate(JsonNode read)
    {
        var body = JsonNode.Parse(read.ToJsonString())!.AsObject();
        foreach (var serverOwned in new[] { "id", "createdAt", "updatedAt", "verification", "verificationNote" })
            body.Remove(serverOwned);
        return body;
    }

    public static string Str(string value) => JsonValue.Create(value).ToJsonString();

    public static string Arr(params string[] values) => Bodies.Array(values).ToJsonString();
}
