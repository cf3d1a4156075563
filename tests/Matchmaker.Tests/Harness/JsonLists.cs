using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Harness;

internal static class JsonLists
{
    public static string[] Strings(JsonNode? array) => array!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

    public static string IdOf(JsonNode item) => item["id"]!.GetValue<string>();

    public static List<string> Ids(JsonNode page) => page["items"]!.AsArray().Select(i => IdOf(i!)).ToList();
}
