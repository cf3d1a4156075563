using System.Net.Http.Json;
using Dapper;
using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Reference.FxRates;
using Matchmaker.Tests.Features.Matching.Scoring;

namespace Matchmaker.Tests.Features.Reference.UpdateFxRates;

/// <summary>
/// A rate change revalues and re-scores every open need in its currency in one request, however
/// many there are: more than SQL Server's 2,100 parameters' worth of ids.
/// </summary>
public abstract class ManyNeedsTests<TApi>(TApi api) where TApi : ApiFixture
{
    private const int Needs = 5_000;

    [Fact]
    public async Task A_rate_change_revalues_and_rescores_5000_open_needs_in_its_currency()
    {
        var (_, partnerId) = await Create.PartnerAccountAsync(api, RescoreOnWriteTests<TApi>.WorkedExamplePartnerBody());
        var (_, smeId) = await Create.SmeAccountAsync(api, RescoreOnWriteTests<TApi>.WorkedExampleSmeBody());
        await InsertNeedsAsync(smeId);
        var admin = await api.AdminAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

        await Expect.StatusAsync(await admin.Client.PutAsJsonAsync("/api/v1/reference/fx-rates",
            new { rates = new[] { new { currency = "CNY", usdPerUnit = 0.15m, effectiveDate = today } } }), 200);

        await using var connection = await api.OpenDatabaseAsync();
        var revalued = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM needs WHERE currency = 'CNY' AND status = 'open' AND amount_usd = 450000");
        Assert.Equal(Needs, revalued);
        var scored = await connection.ExecuteScalarAsync<int>("""
            SELECT COUNT(*) FROM matches m JOIN partners p ON p.id = m.partner_id JOIN match_scores ms ON ms.match_id = m.id
            WHERE p.public_id = @Partner
            """, new { Partner = api.KeyOf(partnerId) });
        Assert.True(scored > 0, "the partner kept no scored match after the re-score");
    }

    private async Task InsertNeedsAsync(Guid smePublicId)
    {
        await using var connection = await api.OpenDatabaseAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var smeId = await connection.ExecuteScalarAsync<long>(
            "SELECT id FROM smes WHERE public_id = @Id", new { Id = api.KeyOf(smePublicId) }, tx);
        var now = DateTime.UtcNow;
        var fields = new NeedFields("Line extension", null, 3_000_000m, "CNY", 40, [], 24, ["equipment_supply"], []);
        var needs = Enumerable.Range(0, Needs).Select(_ => new NewNeed(Guid.NewGuid(), smeId, fields, now, now + NeedOptions.Defaults.Validity)).ToList();
        await NeedStore.InsertAsync(connection, tx, needs, await UsdRates.AsOfAsync(connection, tx, now, CancellationToken.None), CancellationToken.None);
        await tx.CommitAsync();
    }
}

public sealed class ManyNeedsTestsOnSqlite(SqliteApi api) : ManyNeedsTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class ManyNeedsTestsOnSqlServer : ManyNeedsTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public ManyNeedsTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
