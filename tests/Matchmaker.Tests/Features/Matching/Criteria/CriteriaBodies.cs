using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Matching.Criteria;

/// <summary>Bodies for PUT /criteria: the default criteria (Features/Matching/README.md), which tests change one field of.</summary>
internal static class CriteriaBodies
{
    public static readonly (string Key, double Weight, bool Required)[] Defaults =
    [
        ("sector", 30, true), ("ticket", 25, false), ("need_type", 20, true), ("region", 10, false),
        ("export", 5, false), ("jobs", 5, false), ("language", 3, false), ("certification", 2, false),
    ];

    public static JsonObject Valid(double minScore = 40, int maxPerNeed = 200, int maxPerPartner = 200) => new()
    {
        ["minScore"] = minScore,
        ["maxPerNeed"] = maxPerNeed,
        ["maxPerPartner"] = maxPerPartner,
        ["criteria"] = new JsonArray(Defaults.Select(d => (JsonNode?)Criterion(d.Key, d.Weight, d.Required)).ToArray()),
    };

    public static JsonObject Criterion(string key, double weight, bool required = false, bool enabled = true) => new()
    {
        ["key"] = key,
        ["weight"] = weight,
        ["required"] = required,
        ["enabled"] = enabled,
    };

    /// <summary>Sets (or with null removes) the value at a path like <c>criteria[2].weight</c> or <c>minScore</c>.</summary>
    public static JsonObject Change(JsonObject body, string path, string? json)
    {
        JsonNode target = body;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
            target = Step(target, part)!;
        var last = parts[^1];
        if (last.EndsWith(']'))
        {
            var (name, index) = Indexed(last);
            var array = target[name]!.AsArray();
            if (json is null)
                array.RemoveAt(index);
            else
                array[index] = JsonNode.Parse(json);
        }
        else if (json is null)
            target.AsObject().Remove(last);
        else
            target[last] = JsonNode.Parse(json);
        return body;
    }

    private static JsonNode? Step(JsonNode node, string part)
    {
        if (!part.EndsWith(']'))
            return node[part];
        var (name, index) = Indexed(part);
        return node[name]![index];
    }

    private static (string Name, int Index) Indexed(string part)
    {
        var open = part.IndexOf('[');
        return (part[..open], int.Parse(part[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
