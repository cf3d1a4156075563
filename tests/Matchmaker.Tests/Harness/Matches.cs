using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Harness;

/// <summary>Finding a match and acting on it through the API, as the parties do.</summary>
internal static class Matches
{
    /// <summary>Walks a need's whole match list and returns the match with the partner.</summary>
    public static async Task<Guid> IdAsync(HttpClient client, Guid needId, Guid partnerId)
    {
        var items = await Paging.AllAsync(client, $"/api/v1/needs/{needId}/matches", 100);
        var match = items.SingleOrDefault(i => i["partnerId"]!.GetValue<string>() == partnerId.ToString())
            ?? throw new Xunit.Sdk.XunitException($"Need {needId} has no match with partner {partnerId}; its matches: {string.Join(", ", items.Select(i => i["partnerId"]))}");
        return Guid.Parse(match["id"]!.GetValue<string>());
    }

    public static async Task<JsonObject> ActAsync(HttpClient client, Guid matchId, string action, JsonObject? body = null) =>
        (await Expect.StatusAsync(await PostActionAsync(client, matchId, action, body), 200)).AsObject();

    public static Task<HttpResponseMessage> PostActionAsync(HttpClient client, Guid matchId, string action, JsonObject? body = null) =>
        body is null
            ? client.PostAsync($"/api/v1/matches/{matchId}/{action}", null)
            : client.PostAsJsonAsync($"/api/v1/matches/{matchId}/{action}", body);
}
