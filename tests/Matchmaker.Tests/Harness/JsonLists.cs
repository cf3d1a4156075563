using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Harness;

public static class JsonLists
{
    public static string[] Strings(JsonNode? array) => array!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

    public static string IdOf(JsonNode item) => item["id"]!.GetValue<string>();

    /// <summary>The ids of the items of one page, in order.</summary>
    public static List<string> Ids(JsonNode page) => page["items"]!.AsArray().Select(i => IdOf(i!)).ToList();
}
