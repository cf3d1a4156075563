using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Notifications;

/// <summary>Reading an account's inbox through the API.</summary>
internal static class Inbox
{
    public static Task<List<JsonObject>> ItemsAsync(Actor reader, string query = "") =>
        Paging.AllAsync(reader.Client, $"/api/v1/inbox{(query.Length == 0 ? "" : "?" + query)}", 100);

    public static async Task<List<JsonObject>> OfKindAsync(Actor reader, string kind) =>
        (await ItemsAsync(reader)).Where(i => Kind(i) == kind).ToList();

    public static string Kind(JsonObject item) => item["kind"]!.GetValue<string>();

    public static string Text(JsonObject item) => item["text"]!.GetValue<string>();

    public static Guid? Id(JsonObject item, string field) => item[field] is { } id ? Guid.Parse(id.GetValue<string>()) : null;

    public static Task<HttpResponseMessage> MarkReadAsync(Actor reader, JsonObject body) => reader.Client.PostAsJsonAsync("/api/v1/inbox/read", body);
}
