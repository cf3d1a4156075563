namespace Matchmaker.Api.Features.Reference.FxRates;

internal sealed record FxRateRow
{
    public string Currency { get; init; } = "";
    public decimal UsdPerUnit { get; init; }
    public DateTime EffectiveDate { get; init; }

    public FxRate ToResponse() => new() { Currency = Currency, UsdPerUnit = UsdPerUnit, EffectiveDate = DateOnly.FromDateTime(EffectiveDate) };
}

/// <summary>Reads and writes of FX rates; conversions go through <see cref="UsdRates"/>.</summary>
internal static class FxRateStore
{
    public const string ListSql = """
        SELECT currency AS Currency, usd_per_unit AS UsdPerUnit, effective_date AS EffectiveDate
        FROM fx_rates
        ORDER BY currency, effective_date DESC
        """;

    private const string UpdateSql = "UPDATE fx_rates SET usd_per_unit = @UsdPerUnit WHERE currency = @Currency AND effective_date = @EffectiveDate";

    private const string InsertSql = """
        INSERT INTO fx_rates (currency, usd_per_unit, effective_date, created_at)
        SELECT @Currency, @UsdPerUnit, @EffectiveDate, @Now
        WHERE NOT EXISTS (SELECT 1 FROM fx_rates WHERE currency = @Currency AND effective_date = @EffectiveDate)
        """;

    public static async Task<Response> ListAsync(DbConnection connection, CancellationToken ct) =>
        new((await connection.QueryAsync<FxRateRow>(new CommandDefinition(ListSql, cancellationToken: ct))).Select(r => r.ToResponse()).ToList());

    /// <summary>Sets the rate of a (currency, date), overwriting one set before.</summary>
    public static async Task SetAsync(DbConnection connection, DbTransaction tx, string currency, decimal usdPerUnit, DateOnly effectiveDate, DateTime now, CancellationToken ct)
    {
        var args = new { Currency = currency, UsdPerUnit = usdPerUnit, EffectiveDate = effectiveDate.ToDateTime(TimeOnly.MinValue), Now = now };
        await connection.ExecuteAsync(new CommandDefinition(UpdateSql, args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, args, tx, cancellationToken: ct));
    }
}
