using System.Text.Json;

namespace Matchmaker.Api.Features.Shared;

/// <summary>Short lists that are only ever read with their row (languages, certifications, export markets) are kept as a JSON array.</summary>
internal static class JsonList
{
    public static string Write(IEnumerable<string>? values) => JsonSerializer.Serialize((values ?? []).ToArray());

    public static IReadOnlyList<string> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];
}
