using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using static Matchmaker.Tests.Harness.JsonLists;

namespace Matchmaker.Tests.Features.Needs;

/// <summary>
/// A need's effective sectors are its own when it has them, else its SME's: the one rule that
/// matching, the need search, match lists and reports read through the <c>need_effective_sectors</c> view.
/// </summary>
public abstract class EffectiveSectorsTests<TApi>(TApi api) where TApi : ApiFixture
{
    private const string ViewSql = """
        SELECT es.sector_code FROM need_effective_sectors es JOIN needs n ON n.id = es.need_id
        WHERE n.public_id = @Id ORDER BY es.position
        """;

    [Fact]
    public async Task A_need_without_sectors_takes_its_smes_and_follows_them_when_the_sme_changes()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api, Bodies.Sme(sectors: ["C28", "C25"]));
        var borrowed = await Create.NeedAsync(owner, smeId);
        var ownBody = Bodies.Need(title: "Greenhouse");
        ownBody["sectors"] = new JsonArray("A01");
        var own = await Create.NeedAsync(owner, smeId, ownBody);

        Assert.Equal(["C28", "C25"], await StoredAsync(borrowed));
        Assert.Equal(["C28", "C25"], await AnsweredAsync(owner, borrowed));
        Assert.Equal(["A01"], await StoredAsync(own));
        Assert.Equal(["A01"], await AnsweredAsync(owner, own));

        var sme = await owner.Client.GetAsync($"/api/v1/smes/{smeId}");
        var body = Bodies.Sme(sectors: ["C10"]);
        await Expect.StatusAsync(await owner.Client.PutAsync($"/api/v1/smes/{smeId}", body, sme.ETag()), 200);

        Assert.Equal(["C10"], await StoredAsync(borrowed));
        Assert.Equal(["C10"], await AnsweredAsync(owner, borrowed));
        Assert.Equal(["A01"], await StoredAsync(own));
    }

    [Fact]
    public async Task The_need_search_finds_a_need_by_its_effective_sectors_only()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api, Bodies.Sme(sectors: ["C27"]));
        var borrowed = await Create.NeedAsync(owner, smeId);
        var ownBody = Bodies.Need(title: "Cold store");
        ownBody["sectors"] = new JsonArray("H52");
        var own = await Create.NeedAsync(owner, smeId, ownBody);
        var partner = await api.UserAsync("partner");

        Assert.Contains(borrowed.ToString(), await SearchAsync(partner, "C27"));
        Assert.DoesNotContain(own.ToString(), await SearchAsync(partner, "C27"));
        Assert.Contains(own.ToString(), await SearchAsync(partner, "H52"));
        Assert.DoesNotContain(borrowed.ToString(), await SearchAsync(partner, "H"));
    }

    private async Task<string[]> StoredAsync(Guid needId)
    {
        await using var connection = await api.OpenDatabaseAsync();
        return (await connection.QueryAsync<string>(ViewSql, new { Id = api.KeyOf(needId) })).ToArray();
    }

    private static async Task<string[]> AnsweredAsync(Actor owner, Guid needId) =>
        [.. Strings((await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/needs/{needId}"), 200))["effectiveSectors"])];

    private static async Task<string[]> SearchAsync(Actor partner, string sector) =>
        [.. Ids(await Expect.StatusAsync(await partner.Client.GetAsync($"/api/v1/needs?sector={sector}&limit=100"), 200))];
}

public sealed class EffectiveSectorsTestsOnSqlite(SqliteApi api) : EffectiveSectorsTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class EffectiveSectorsTestsOnSqlServer : EffectiveSectorsTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public EffectiveSectorsTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
