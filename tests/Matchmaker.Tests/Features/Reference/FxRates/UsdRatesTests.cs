using System.Text.Json.Nodes;
using Matchmaker.Api.Features.Reference.FxRates;

namespace Matchmaker.Tests.Features.Reference.FxRates;

/// <summary>The one conversion to USD that need writes, FX revaluations, scoring and the demo data share.</summary>
public sealed class UsdRatesTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData("1000", "0.14", "140.00")]
    [InlineData("0.125", "1", "0.13")]
    [InlineData("0.135", "1", "0.14")]
    [InlineData("1234567.89", "0.011435", "14117.28")]
    [InlineData("2", "0.0000025", "0.00")]
    public void Amounts_round_to_cents_half_away_from_zero(string amount, string usdPerUnit, string usd) =>
        Assert.Equal(decimal.Parse(usd), UsdRates.Convert(decimal.Parse(amount), decimal.Parse(usdPerUnit)));

    [Fact]
    public async Task The_latest_rate_effective_on_the_day_applies_and_later_ones_wait_for_their_date()
    {
        var admin = await api.AdminAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var body = new JsonObject
        {
            ["rates"] = new JsonArray(
                Rate("CNY", 0.15m, today.AddDays(-3)),
                Rate("CNY", 0.16m, today),
                Rate("CNY", 0.50m, today.AddDays(5))),
        };
        await Expect.StatusAsync(await admin.Client.PutAsync("/api/v1/reference/fx-rates", body, ifMatch: null), 200);

        await using var connection = await api.OpenDatabaseAsync();
        var now = await UsdRates.AsOfAsync(connection, null, DateTime.UtcNow, default);
        var earlier = await UsdRates.AsOfAsync(connection, null, DateTime.UtcNow.AddDays(-2), default);
        var later = await UsdRates.AsOfAsync(connection, null, DateTime.UtcNow.AddDays(6), default);

        Assert.Equal(160m, now.Convert(1000m, "CNY"));
        Assert.Equal(150m, earlier.Convert(1000m, "CNY"));
        Assert.Equal(500m, later.Convert(1000m, "CNY"));
        Assert.Equal(1000m, now.Convert(1000m, "USD"));
        Assert.False(now.TryConvert(1000m, "EUR", out _));
        Assert.Throws<InvalidOperationException>(() => now.Convert(1000m, "EUR"));
    }

    private static JsonObject Rate(string currency, decimal usdPerUnit, DateOnly effective) => new()
    {
        ["currency"] = currency,
        ["usdPerUnit"] = usdPerUnit,
        ["effectiveDate"] = effective.ToString("yyyy-MM-dd"),
    };
}
