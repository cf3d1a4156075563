using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Harness;

/// <summary>A small cast for access tests: an SME with a need, another SME, a partner, another partner, an agency user and the admin.</summary>
public sealed record World(
    Actor Owner, Guid SmeId, Guid NeedId,
    Actor OtherSme, Guid OtherSmeId,
    Actor Partner, Guid PartnerId,
    Actor OtherPartner, Guid OtherPartnerId,
    Actor Agency, Actor Admin, HttpClient Anonymous)
{
    public static async Task<World> CreateAsync(ApiFixture api)
    {
        var owner = await api.UserAsync("sme");
        var smeId = await CreateSmeAsync(owner);
        var needId = await CreateNeedAsync(owner, smeId);
        var otherSme = await api.UserAsync("sme");
        var otherSmeId = await CreateSmeAsync(otherSme);
        var partner = await api.UserAsync("partner");
        var partnerId = await CreatePartnerAsync(partner);
        var otherPartner = await api.UserAsync("partner");
        var otherPartnerId = await CreatePartnerAsync(otherPartner);
        return new World(owner, smeId, needId, otherSme, otherSmeId, partner, partnerId, otherPartner, otherPartnerId,
            await api.UserAsync("agency"), await api.AdminAsync(), api.CreateClient());
    }

    public static async Task<Guid> CreateSmeAsync(Actor sme, JsonObject? body = null) =>
        IdOf(await Expect.StatusAsync(await sme.Client.PostAsJsonAsync("/api/v1/smes", body ?? Bodies.Sme()), 201));

    public static async Task<Guid> CreateNeedAsync(Actor sme, Guid smeId, JsonObject? body = null) =>
        IdOf(await Expect.StatusAsync(await sme.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", body ?? Bodies.Need()), 201));

    public static async Task<Guid> CreatePartnerAsync(Actor partner, JsonObject? body = null) =>
        IdOf(await Expect.StatusAsync(await partner.Client.PostAsJsonAsync("/api/v1/partners", body ?? Bodies.Partner()), 201));

    public HttpClient ClientOf(string caller) => caller switch
    {
        "anonymous" => Anonymous,
        "owner" => Owner.Client,
        "other-sme" => OtherSme.Client,
        "partner" => Partner.Client,
        "other-partner" => OtherPartner.Client,
        "agency" => Agency.Client,
        "admin" => Admin.Client,
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
    };

    private static Guid IdOf(JsonNode json) => Guid.Parse(json["id"]!.GetValue<string>());
}
