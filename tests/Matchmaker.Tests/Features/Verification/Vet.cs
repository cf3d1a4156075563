using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Verification;

/// <summary>An agency's decisions and the reads that show where a profile stands, as a client makes them.</summary>
internal static class Vet
{
    public static string PathOf(string kind, Guid id) => kind == "sme" ? $"/api/v1/smes/{id}" : $"/api/v1/partners/{id}";

    public static Task<HttpResponseMessage> DecideAsync(Actor agency, string kind, Guid id, string decision, string? note = null)
    {
        var body = new JsonObject { ["decision"] = decision };
        if (note is not null)
            body["note"] = note;
        return agency.Client.PostAsJsonAsync(PathOf(kind, id) + "/verification", body);
    }

    public static async Task<JsonNode> VerifyAsync(Actor agency, string kind, Guid id) =>
        await Expect.StatusAsync(await DecideAsync(agency, kind, id, "verified"), 200);

    public static async Task<IReadOnlyList<Guid>> QueueAsync(Actor agency, string? kind = null, int limit = 100) =>
        (await Paging.AllAsync(agency.Client, "/api/v1/verification-queue" + (kind is null ? "" : $"?kind={kind}"), limit))
            .Select(i => Guid.Parse(i["id"]!.GetValue<string>())).ToList();

    public static async Task<IReadOnlyList<Guid>> PartnersMatchedToAsync(Actor reader, Guid needId) =>
        (await Expect.StatusAsync(await reader.Client.GetAsync($"/api/v1/needs/{needId}/matches?limit=100"), 200))["items"]!.AsArray()
            .Select(m => Guid.Parse(m!["partnerId"]!.GetValue<string>())).ToList();
}
