using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Api.Infrastructure.Http;
using System.Globalization;

namespace Matchmaker.Tests.Infrastructure.Http;

/// <summary>
/// Cursors are opaque and authenticated: they hold no readable id, time or count, and a cursor that was
/// changed, built, taken to another list or handed to another caller is a 400 on <c>cursor</c>.
/// </summary>
public abstract class CursorTests<TApi>(TApi api) where TApi : ApiFixture
{
    private sealed record Lists(World World, Guid SecondNeedId);

    private Task<Lists> ListsAsync() => api.SharedAsync(async a =>
    {
        var world = await World.CreateAsync(a);
        var second = await Create.NeedAsync(world.Owner, world.SmeId);
        return new Lists(world, second);
    });

    /// <summary>Every paged list, read by a caller who may read it, with one item a page.</summary>
    private async Task<IEnumerable<(HttpClient Client, string Url)>> EveryListAsync()
    {
        var (w, _) = await ListsAsync();
        return
        [
            (w.Admin.Client, "/api/v1/needs?limit=1"),
            (w.Admin.Client, "/api/v1/smes?limit=1"),
            (w.Admin.Client, "/api/v1/partners?limit=1"),
            (w.Admin.Client, "/api/v1/admin/users?limit=1"),
            (w.Owner.Client, $"/api/v1/smes/{w.SmeId}/needs?limit=1"),
            (w.Owner.Client, $"/api/v1/needs/{w.NeedId}/matches?limit=1"),
            (w.Partner.Client, $"/api/v1/partners/{w.PartnerId}/matches?limit=1"),
            (w.Agency.Client, "/api/v1/reports/matches?limit=1"),
        ];
    }

    [Fact]
    public async Task Every_list_hands_out_cursors_of_one_length_that_hold_no_keyset_position_and_lead_to_the_next_page()
    {
        foreach (var (client, url) in await EveryListAsync())
        {
            var first = await Expect.StatusAsync(await client.GetAsync(url), 200);
            var cursor = first["nextCursor"]?.GetValue<string>();
            Assert.True(cursor is not null, $"{url} has a second page");

            Assert.Equal(Cursor.MaxLength, cursor.Length);
            Assert.False(Cursor.TryDecode(cursor, 2, out _) || Cursor.TryDecode(cursor, 3, out _), $"{url} handed out a readable position");
            var second = await Expect.StatusAsync(await client.GetAsync($"{url}&cursor={cursor}"), 200);
            Assert.NotEqual(first["items"]![0]!.ToJsonString(), second["items"]![0]!.ToJsonString());
        }
    }

    [Fact]
    public async Task A_keyset_position_built_by_a_client_is_refused()
    {
        var (w, _) = await ListsAsync();
        await using var db = await api.OpenDatabaseAsync();
        var row = await db.QueryFirstAsync("SELECT id, created_at FROM needs ORDER BY id DESC");
        long id = row.id;
        var createdAt = row.created_at is DateTime at ? at : DateTime.Parse((string)row.created_at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        var forged = Cursor.Encode(createdAt.Ticks, id);

        var response = await w.Admin.Client.GetAsync($"/api/v1/needs?limit=1&cursor={forged}");

        await Expect.ProblemAsync(response, 400, "cursor");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    [InlineData(-1)]
    public async Task A_cursor_with_one_character_changed_is_refused(int position)
    {
        var (w, _) = await ListsAsync();
        var cursor = await NextCursorAsync(w.Admin.Client, "/api/v1/needs?limit=1");
        var index = position < 0 ? cursor.Length + position : position;
        var changed = cursor[..index] + (cursor[index] == 'A' ? 'B' : 'A') + cursor[(index + 1)..];

        await Expect.ProblemAsync(await w.Admin.Client.GetAsync($"/api/v1/needs?limit=1&cursor={changed}"), 400, "cursor");
    }

    [Fact]
    public async Task A_cursor_of_another_list_is_refused_even_where_both_sort_alike()
    {
        var (w, _) = await ListsAsync();
        var fromNeeds = await NextCursorAsync(w.Admin.Client, "/api/v1/needs?limit=1");

        await Expect.ProblemAsync(await w.Admin.Client.GetAsync($"/api/v1/smes?limit=1&cursor={fromNeeds}"), 400, "cursor");
        await Expect.ProblemAsync(await w.Admin.Client.GetAsync($"/api/v1/admin/users?limit=1&cursor={fromNeeds}"), 400, "cursor");
    }

    [Fact]
    public async Task A_cursor_handed_to_another_caller_is_refused()
    {
        var (w, _) = await ListsAsync();
        var adminsCursor = await NextCursorAsync(w.Admin.Client, "/api/v1/needs?limit=1");

        await Expect.ProblemAsync(await w.Agency.Client.GetAsync($"/api/v1/needs?limit=1&cursor={adminsCursor}"), 400, "cursor");
        await Expect.StatusAsync(await w.Admin.Client.GetAsync($"/api/v1/needs?limit=1&cursor={adminsCursor}"), 200);
    }

    [Fact]
    public async Task A_cursor_names_the_pattern_not_the_record_so_the_same_list_of_another_need_takes_it()
    {
        var (w, second) = await ListsAsync();
        var cursor = await NextCursorAsync(w.Owner.Client, $"/api/v1/needs/{w.NeedId}/matches?limit=1");

        await Expect.StatusAsync(await w.Owner.Client.GetAsync($"/api/v1/needs/{second}/matches?limit=1&cursor={cursor}"), 200);
    }

    [Fact]
    public async Task Another_instance_on_the_same_database_opens_a_cursor_through_the_key_ring_stored_there()
    {
        var (w, _) = await ListsAsync();
        var url = "/api/v1/needs?limit=1";
        var cursor = await NextCursorAsync(w.Admin.Client, url);
        var here = await Expect.StatusAsync(await w.Admin.Client.GetAsync($"{url}&cursor={cursor}"), 200);

        await using var other = api.App.WithWebHostBuilder(_ => { });
        using var client = other.CreateClient();
        client.DefaultRequestHeaders.Authorization = w.Admin.Client.DefaultRequestHeaders.Authorization;
        var there = await Expect.StatusAsync(await client.GetAsync($"{url}&cursor={cursor}"), 200);

        Assert.Equal(here.ToJsonString(), there.ToJsonString());
        await using var db = await api.OpenDatabaseAsync();
        Assert.True(await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM data_protection_keys") >= 1);
    }

    private static async Task<string> NextCursorAsync(HttpClient client, string url) =>
        (await Expect.StatusAsync(await client.GetAsync(url), 200))["nextCursor"]!.GetValue<string>();
}

public sealed class CursorTestsOnSqlite(SqliteApi api) : CursorTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class CursorTestsOnSqlServer : CursorTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public CursorTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
