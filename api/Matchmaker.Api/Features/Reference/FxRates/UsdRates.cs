namespace Matchmaker.Api.Features.Reference.FxRates;

/// <summary>
/// The one conversion of an amount to USD: the latest rate effective on or before a day, rounded to
/// cents half away from zero. Need writes, FX revaluations, scoring and the demo data all go through it.
/// </summary>
internal sealed class UsdRates
{
    private const string EffectiveSql = """
        SELECT currency AS Currency, usd_per_unit AS UsdPerUnit, effective_date AS EffectiveDate
        FROM fx_rates
        WHERE effective_date <= @AsOf
        """;

    private readonly IReadOnlyDictionary<string, decimal> usdPerUnit;

    private UsdRates(IReadOnlyDictionary<string, decimal> usdPerUnit) => this.usdPerUnit = usdPerUnit;

    public DateTime AsOf { get; private init; }

    public static async Task<UsdRates> AsOfAsync(DbConnection connection, DbTransaction? tx, DateTime asOf, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<FxRateRow>(new CommandDefinition(EffectiveSql, new { AsOf = asOf.Date }, tx, cancellationToken: ct));
        var latest = rows.GroupBy(r => r.Currency, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.EffectiveDate)!.UsdPerUnit, StringComparer.Ordinal);
        return new UsdRates(latest) { AsOf = asOf };
    }

    public static decimal Convert(decimal amount, decimal usdPerUnit) =>
        Math.Round(amount * usdPerUnit, 2, MidpointRounding.AwayFromZero);

    public bool TryConvert(decimal amount, string currency, out decimal usd)
    {
        usd = usdPerUnit.TryGetValue(currency, out var rate) ? Convert(amount, rate) : 0;
        return usdPerUnit.ContainsKey(currency);
    }

    public decimal Convert(decimal amount, string currency) =>
        TryConvert(amount, currency, out var usd)
            ? usd
            : throw new InvalidOperationException($"No FX rate for {currency} effective on or before {AsOf:yyyy-MM-dd}.");
}
