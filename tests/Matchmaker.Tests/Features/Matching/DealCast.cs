using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Matching;

/// <summary>
/// The cast of a deal: the <see cref="World"/> whose SME's need and partner match (the worked example
/// of the scoring rules, 87.0) and whose other SME and other partner have nothing to do with it (the
/// other partner's sector matches no need), with the match of that need and partner.
/// </summary>
internal sealed record DealCast : World
{
    public const string SmeEmail = "aibek@alatoo.example";
    public const string PartnerEmail = "li.wei@qdm.example";

    private DealCast(World world, Guid matchId) : base(world) => MatchId = matchId;

    public Guid MatchId { get; }

    public static new async Task<DealCast> CreateAsync(ApiFixture api)
    {
        var world = await CreateAsync(api, Bodies.Sme(name: "Unrelated Farm", sectors: ["A01"]), Bodies.WeifangSeeds());
        return new DealCast(world, await Matches.IdAsync(world.Owner.Client, world.NeedId, world.PartnerId));
    }

    /// <summary>A new need of the cast's SME, and its match with the cast's partner: a fresh deal between the same parties.</summary>
    public async Task<Guid> FreshMatchAsync(string? status = null)
    {
        var needId = await Create.NeedAsync(Owner, SmeId, Bodies.Need(title: $"Deal {Guid.NewGuid():N}"));
        var matchId = await Matches.IdAsync(Owner.Client, needId, PartnerId);
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
                await Matches.ActAsync(Owner.Client, matchId, "interest");
                return;
            case "partner_interested":
                await Matches.ActAsync(Partner.Client, matchId, "interest");
                return;
            case "declined":
                await Matches.ActAsync(Owner.Client, matchId, "decline", new JsonObject { ["reason"] = "Not now" });
                return;
            case "mutual":
                await Matches.ActAsync(Owner.Client, matchId, "interest");
                await Matches.ActAsync(Partner.Client, matchId, "interest");
                return;
            default:
                await DriveAsync(matchId, "mutual");
                await Matches.ActAsync(Owner.Client, matchId, "stage", new JsonObject { ["stage"] = status });
                return;
        }
    }

    public async Task<JsonObject> ReadAsync(Guid matchId, HttpClient? client = null) =>
        (await Expect.StatusAsync(await (client ?? Admin.Client).GetAsync($"/api/v1/matches/{matchId}"), 200)).AsObject();
}
