using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;

namespace Matchmaker.Tests.Infrastructure.Http;

/// <summary>
/// Each kind of list keeps its documented order where creation times tie or do not follow the order
/// the rows were stored in (imports, the demo data) and where scores tie. Pages of one row make every
/// tie cross a cursor.
/// </summary>
public abstract class ListOrderTests<TApi>(TApi api) where TApi : ApiFixture
{
    private const int Rows = 4;

    private static readonly DateTime Instant = new(2025, 3, 1, 9, 30, 0, DateTimeKind.Utc);

    // Apart from the other tests' backdated matches, which the export's time window would otherwise hold too.
    private static readonly DateTime ExportInstant = new(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>Stored 0 to 3; 0 is the newest, 1 and 2 were created in the same instant, 3 (stored last) is the oldest.</summary>
    private static DateTime[] CreatedAround(DateTime instant) => [instant.AddHours(1), instant, instant, instant.AddHours(-1)];

    [Fact]
    public async Task An_smes_needs_come_newest_first_then_last_stored_first()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        var needs = await NeedsAsync(owner, smeId, "Listed");
        await BackdateAsync("needs", needs);

        var items = await Paging.AllAsync(owner.Client, $"/api/v1/smes/{smeId}/needs", 1);

        Assert.Equal([needs[0], needs[2], needs[1], needs[3]], items.Select(IdOf));
    }

    [Fact]
    public async Task Searched_needs_come_newest_first_then_last_stored_first()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        var token = Guid.NewGuid().ToString("N")[..12];
        var needs = await NeedsAsync(owner, smeId, token);
        await BackdateAsync("needs", needs);

        var agency = await api.UserAsync("agency");

        var items = await Paging.AllAsync(agency.Client, $"/api/v1/needs?q={token}", 1);

        Assert.Equal([needs[0], needs[2], needs[1], needs[3]], items.Select(IdOf));
    }

    [Fact]
    public async Task Equal_scores_on_a_partners_list_come_oldest_first_then_first_stored_first()
    {
        var (partner, partnerId) = await Create.PartnerAccountAsync(api);
        var matches = await MatchesOfNewNeedsAsync(partner, partnerId);
        await BackdateAsync("matches", matches);

        var items = (await Paging.AllAsync(partner.Client, $"/api/v1/partners/{partnerId}/matches", 1))
            .Where(i => matches.Contains(IdOf(i))).ToList();

        Assert.Single(items.Select(i => i["score"]!.GetValue<decimal>()).Distinct());
        Assert.Equal([matches[3], matches[1], matches[2], matches[0]], items.Select(IdOf));
    }

    [Fact]
    public async Task The_match_export_comes_oldest_first_then_first_stored_first()
    {
        var (partner, partnerId) = await Create.PartnerAccountAsync(api);
        var matches = await MatchesOfNewNeedsAsync(partner, partnerId);
        await BackdateAsync("matches", matches, ExportInstant);
        var agency = await api.UserAsync("agency");
        var window = $"from={Iso(ExportInstant.AddDays(-1))}&to={Iso(ExportInstant.AddDays(1))}";

        var items = await Paging.AllAsync(agency.Client, $"/api/v1/reports/matches?{window}", 1);

        Assert.Equal([matches[3], matches[1], matches[2], matches[0]], items.Select(i => Guid.Parse(i["matchId"]!.GetValue<string>())));
    }

    private static async Task<Guid[]> NeedsAsync(Actor owner, Guid smeId, string title)
    {
        var needs = new Guid[Rows];
        for (var i = 0; i < needs.Length; i++)
            needs[i] = await Create.NeedAsync(owner, smeId, Bodies.Need(title: $"{title} {i}"));
        return needs;
    }

    /// <summary>Four needs of one SME, alike, so each scores the same against the partner; their matches in the order stored.</summary>
    private async Task<Guid[]> MatchesOfNewNeedsAsync(Actor partner, Guid partnerId)
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        var needs = await NeedsAsync(owner, smeId, "Tied");
        var list = await Paging.AllAsync(partner.Client, $"/api/v1/partners/{partnerId}/matches", 100);
        return needs.Select(n => IdOf(list.Single(i => i["needId"]!.GetValue<string>() == n.ToString()))).ToArray();
    }

    private async Task BackdateAsync(string table, Guid[] ids, DateTime? around = null)
    {
        var createdAt = CreatedAround(around ?? Instant);
        await using var connection = await api.OpenDatabaseAsync();
        for (var i = 0; i < ids.Length; i++)
        {
            object at = api.Provider == "Sqlite" ? createdAt[i].ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture) : createdAt[i];
            await connection.ExecuteAsync($"UPDATE {table} SET created_at = @At WHERE public_id = @Id", new { At = at, Id = api.KeyOf(ids[i]) });
        }
    }

    private static Guid IdOf(JsonObject item) => Guid.Parse(item["id"]!.GetValue<string>());

    private static string Iso(DateTime utc) => Uri.EscapeDataString(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}

public sealed class ListOrderTestsOnSqlite(SqliteApi api) : ListOrderTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class ListOrderTestsOnSqlServer : ListOrderTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public ListOrderTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
