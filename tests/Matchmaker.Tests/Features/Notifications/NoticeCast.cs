using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Notifications;

/// <summary>
/// An SME with a need and a partner that match at 87.0 (the worked example) in a sector of their own,
/// so that what other tests of the same fixture create neither matches them nor lands in their inboxes:
/// the sector criterion is required, and no two casts share an ISIC section.
/// </summary>
internal sealed record NoticeCast(Actor Owner, Guid SmeId, Guid NeedId, Actor Partner, Guid PartnerId, Guid MatchId, string Sector, Actor Admin)
{
    public const string SmeName = "Ala-Too Machine Works";
    public const string PartnerName = "Qingdao Machinery";

    public static async Task<NoticeCast> CreateAsync(ApiFixture api, string sector)
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api, Bodies.Sme(sectors: [sector]));
        var needId = await Create.NeedAsync(owner, smeId);
        var (partner, partnerId) = await Create.PartnerAccountAsync(api, PartnerBody(sector));
        return new NoticeCast(owner, smeId, needId, partner, partnerId, await Matches.IdAsync(owner.Client, needId, partnerId), sector, await api.AdminAsync());
    }

    public static JsonObject PartnerBody(string sector) => Bodies.Partner(sectors: [sector]);

    /// <summary>A new need of the cast's SME, and its match with the cast's partner.</summary>
    public async Task<Guid> FreshMatchAsync()
    {
        var needId = await Create.NeedAsync(Owner, SmeId, Bodies.Need(title: $"Line {Guid.NewGuid():N}"));
        return await Matches.IdAsync(Owner.Client, needId, PartnerId);
    }
}
