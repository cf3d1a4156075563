using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Api.Features.Matching.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaker.Tests.Features.Matching.Scoring;

/// <summary>
/// The partners a need write scores against are held in memory and refreshed from what changed. A write scores
/// against the partners as stored, and the list (with every encoding built on it) stays the same one while no
/// partner changes, even inside the look-back that allows for late commits and clock skew.
/// </summary>
public abstract class PartnerInputCacheTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task The_partner_snapshot_is_rebuilt_only_when_a_partner_changes()
    {
        var cache = api.App.Services.GetRequiredService<PartnerInputCache>();
        var (owner, partnerId) = await Create.PartnerAccountAsync(api);
        await using var connection = await api.OpenDatabaseAsync();
        var id = await connection.ExecuteScalarAsync<long>("SELECT id FROM partners WHERE public_id = @Id", new { Id = api.KeyOf(partnerId) });

        var first = await cache.SnapshotAsync(connection, null, api.Clock.UtcNow, TestContext.Current.CancellationToken);
        var again = await cache.SnapshotAsync(connection, null, api.Clock.UtcNow, TestContext.Current.CancellationToken);

        Assert.Equal(100_000m, Assert.Single(first, p => p.Id == id).MinUsd);
        Assert.Same(first, again);

        var read = await owner.Client.GetAsync($"/api/v1/partners/{partnerId}");
        var body = Bodies.Partner();
        body["ticket"] = new JsonObject { ["minUsd"] = 250_000, ["maxUsd"] = 2_000_000 };
        await Expect.StatusAsync(await owner.Client.PutAsync($"/api/v1/partners/{partnerId}", body, read.ETag()), 200);

        var changed = await cache.SnapshotAsync(connection, null, api.Clock.UtcNow, TestContext.Current.CancellationToken);
        var unchanged = await cache.SnapshotAsync(connection, null, api.Clock.UtcNow, TestContext.Current.CancellationToken);

        Assert.NotSame(first, changed);
        Assert.Equal(250_000m, Assert.Single(changed, p => p.Id == id).MinUsd);
        Assert.Same(changed, unchanged);
    }
}

public sealed class PartnerInputCacheTestsOnSqlite(SqliteApi api) : PartnerInputCacheTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class PartnerInputCacheTestsOnSqlServer : PartnerInputCacheTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public PartnerInputCacheTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
