using Dapper;
using Matchmaker.Api.Features.Needs;

namespace Matchmaker.Tests.Features.Needs;

/// <summary>The background sweep, run every second here, handles an expired need without anyone asking.</summary>
public abstract class NeedExpirySweepTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task The_background_sweep_drops_the_suggestions_of_an_expired_need()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        await Create.PartnerAccountAsync(api);
        var ago = NeedOptions.Defaults.Validity + TimeSpan.FromDays(1);
        api.Clock.Advance(-ago);
        Guid needId;
        try
        {
            needId = await Create.NeedAsync(owner, smeId);
            Assert.True(await SuggestionsAsync(needId) > 0, "the need was matched while open");
        }
        finally
        {
            api.Clock.Advance(ago);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await SuggestionsAsync(needId) > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(200);

        Assert.Equal(0, await SuggestionsAsync(needId));
        await using var connection = await api.OpenDatabaseAsync();
        Assert.NotNull(await connection.ExecuteScalarAsync<DateTime?>("SELECT expiry_swept_at FROM needs WHERE public_id = @Id", new { Id = api.KeyOf(needId) }));
    }

    private async Task<int> SuggestionsAsync(Guid needId)
    {
        await using var connection = await api.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM matches m JOIN needs n ON n.id = m.need_id WHERE n.public_id = @Id AND m.status = 'suggested'", new { Id = api.KeyOf(needId) });
    }
}

public sealed class EverySecondSweepSqliteApi : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Needs:SweepInterval"] = "00:00:01" };
}

public sealed class EverySecondSweepSqlServerApi : SqlServerApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Needs:SweepInterval"] = "00:00:01" };
}

public sealed class NeedExpirySweepTestsOnSqlite(EverySecondSweepSqliteApi api) : NeedExpirySweepTests<EverySecondSweepSqliteApi>(api), IClassFixture<EverySecondSweepSqliteApi>;

public sealed class NeedExpirySweepTestsOnSqlServer : NeedExpirySweepTests<EverySecondSweepSqlServerApi>, IClassFixture<EverySecondSweepSqlServerApi>
{
    public NeedExpirySweepTestsOnSqlServer(EverySecondSweepSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
