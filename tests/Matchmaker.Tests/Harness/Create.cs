using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Harness;

/// <summary>What every world is made of: accounts registered, profiles and needs posted through the API as a client would.</summary>
internal static class Create
{
    /// <summary>A new SME account and its profile.</summary>
    public static async Task<(Actor Owner, Guid SmeId)> SmeAccountAsync(ApiFixture api, JsonObject? body = null)
    {
        var owner = await api.UserAsync("sme");
        return (owner, await SmeAsync(owner, body));
    }

    /// <summary>A new partner account and its profile.</summary>
    public static async Task<(Actor Owner, Guid PartnerId)> PartnerAccountAsync(ApiFixture api, JsonObject? body = null)
    {
        var owner = await api.UserAsync("partner");
        return (owner, await PartnerAsync(owner, body));
    }

    public static async Task<Guid> SmeAsync(Actor owner, JsonObject? body = null) =>
        IdOf(await Expect.StatusAsync(await owner.Client.PostAsJsonAsync("/api/v1/smes", body ?? Bodies.Sme()), 201));

    public static async Task<Guid> NeedAsync(Actor owner, Guid smeId, JsonObject? body = null) =>
        IdOf(await Expect.StatusAsync(await owner.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", body ?? Bodies.Need()), 201));

    public static async Task<Guid> PartnerAsync(Actor owner, JsonObject? body = null) =>
        IdOf(await Expect.StatusAsync(await owner.Client.PostAsJsonAsync("/api/v1/partners", body ?? Bodies.Partner()), 201));

    private static Guid IdOf(JsonNode json) => Guid.Parse(JsonLists.IdOf(json));
}
