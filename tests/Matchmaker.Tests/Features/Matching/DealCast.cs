using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Matching;

/// <summary>
/// The cast of a deal: an SME with a need and a partner that match it (SCORING.md's worked example,
/// 87.0), an SME and a partner that have nothing to do with it (the other partner's sector matches
/// no need), an agency user, the admin and an anonymous client.
/// </summary>
public sealed record DealCast(
    Actor Owner, Guid SmeId, Guid NeedId,
    Actor OtherSme, Guid OtherSmeId,
    Actor Partner, Guid PartnerId,
    Actor OtherPartner, Guid OtherPartnerId,
    Actor Agency, Actor Admin, HttpClient Anonymous,
    Guid MatchId)
{
    public const string SmeEmail = "aibek@alatoo.example";
    public const string PartnerEmail = "li.wei@qdm.example";

    public static async Task<DealCast> CreateAsync(ApiFixture api)
    {
        var owner = await api.UserAsync("sme");
        var smeId = await World.CreateSmeAsync(owner);
        var needId = await World.CreateNeedAsync(owner, smeId);
        var otherSme = await api.UserAsync("sme");
        var otherSmeId = await World.CreateSmeAsync(otherSme, Bodies.Sme(name: "Unrelated Farm", sectors: ["A01"]));
        var partner = await api.UserAsync("partner");
        var partnerId = await World.CreatePartnerAsync(partner);
        var otherPartner = await api.UserAsync("partner");
        var otherPartnerId = await World.CreatePartnerAsync(otherPartner, Bodies.Partner(name: "Weifang Seeds", nameZh: "潍坊种子", city: "weifang", sectors: ["A01"]));
        var matchId = await MatchIdAsync(owner.Client, needId, partnerId);
        return new DealCast(owner, smeId, needId, otherSme, otherSmeId, partner, partnerId, otherPartner, otherPartnerId,
            await api.UserAsync("agency"), await api.AdminAsync(), api.CreateClient(), matchId);
    }

    /// <summary>A new need of the cast's SME, and its match with the cast's partner: a fresh deal between the same parties.</summary>
    public async Task<Guid> FreshMatchAsync(string? status = null)
    {
        var needId = await World.CreateNeedAsync(Owner, SmeId, Bodies.Need(title: $"Deal {Guid.NewGuid():N}"));
        var matchId = await MatchIdAsync(Owner.Client, needId, PartnerId);
        if (status is not null)
            await DriveAsync(matchId, status);
        return matchId;
    }

    /// <summary>Takes a suggested match to <paramref name="status"/> the way the parties would.</summary>
    public async Task DriveAsync(Guid matchId, string status)
    {
        switch (status)
        {
            case "suggested":
                return;
            case "sme_interested":
                await ActAsync(Owner.Client, matchId, "interest");
                return;
            case "partner_interested":
                await ActAsync(Partner.Client, matchId, "interest");
                return;
            case "declined":
                await ActAsync(Owner.Client, matchId, "decline", new JsonObject { ["reason"] = "Not now" });
                return;
            case "mutual":
                await ActAsync(Owner.Client, matchId, "interest");
                await ActAsync(Partner.Client, matchId, "interest");
                return;
            default:
                await DriveAsync(matchId, "mutual");
                await ActAsync(Owner.Client, matchId, "stage", new JsonObject { ["stage"] = status });
                return;
        }
    }

    public static async Task<JsonObject> ActAsync(HttpClient client, Guid matchId, string action, JsonObject? body = null) =>
        (await Expect.StatusAsync(await PostActionAsync(client, matchId, action, body), 200)).AsObject();

    public static Task<HttpResponseMessage> PostActionAsync(HttpClient client, Guid matchId, string action, JsonObject? body = null) =>
        body is null
            ? client.PostAsync($"/api/v1/matches/{matchId}/{action}", null)
            : client.PostAsJsonAsync($"/api/v1/matches/{matchId}/{action}", body);

    public async Task<JsonObject> ReadAsync(Guid matchId, HttpClient? client = null) =>
        (await Expect.StatusAsync(await (client ?? Admin.Client).GetAsync($"/api/v1/matches/{matchId}"), 200)).AsObject();

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

    /// <summary>Walks a need's whole match list and returns the match with the partner.</summary>
    public static async Task<Guid> MatchIdAsync(HttpClient client, Guid needId, Guid partnerId)
    {
        var items = await Paging.AllAsync(client, $"/api/v1/needs/{needId}/matches", 100);
        var match = items.SingleOrDefault(i => i["partnerId"]!.GetValue<string>() == partnerId.ToString())
            ?? throw new Xunit.Sdk.XunitException($"Need {needId} has no match with partner {partnerId}; its matches: {string.Join(", ", items.Select(i => i["partnerId"]))}");
        return Guid.Parse(match["id"]!.GetValue<string>());
    }
}
