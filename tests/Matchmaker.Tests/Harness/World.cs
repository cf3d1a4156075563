using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Harness;

/// <summary>A small cast for access tests: an SME with a need, another SME, a partner, another partner, an agency user and the admin.</summary>
internal record World(
    Actor Owner, Guid SmeId, Guid NeedId,
    Actor OtherSme, Guid OtherSmeId,
    Actor Partner, Guid PartnerId,
    Actor OtherPartner, Guid OtherPartnerId,
    Actor Agency, Actor Admin, HttpClient Anonymous)
{
    public static Task<World> CreateAsync(ApiFixture api) => CreateAsync(api, Bodies.Sme(), Bodies.Partner());

    /// <summary>The cast with the given profiles for the other SME and the other partner.</summary>
    public static async Task<World> CreateAsync(ApiFixture api, JsonObject otherSme, JsonObject otherPartner)
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        var needId = await Create.NeedAsync(owner, smeId);
        var (otherSmeOwner, otherSmeId) = await Create.SmeAccountAsync(api, otherSme);
        var (partner, partnerId) = await Create.PartnerAccountAsync(api);
        var (otherPartnerOwner, otherPartnerId) = await Create.PartnerAccountAsync(api, otherPartner);
        return new World(owner, smeId, needId, otherSmeOwner, otherSmeId, partner, partnerId, otherPartnerOwner, otherPartnerId,
            await api.UserAsync("agency"), await api.AdminAsync(), api.CreateClient());
    }

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
}
