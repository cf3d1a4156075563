using System.Globalization;
using System.Reflection;
using CsvHelper;
using CsvHelper.Configuration;

namespace Matchmaker.Api.Infrastructure.Data;

/// <summary>
/// Loads the reference data kept as CSV under db/seed. Rows already present are left alone, so
/// start-up can run it every time and an operator's later FX rates are never overwritten.
/// </summary>
internal static class ReferenceSeeder
{
    private const string InsertRegionSql = """
        INSERT INTO regions (code, name_en, name_ru, name_zh)
        SELECT @Code, @NameEn, @NameRu, @NameZh
        WHERE NOT EXISTS (SELECT 1 FROM regions WHERE code = @Code)
        """;

    private const string InsertCitySql = """
        INSERT INTO cities (code, name_en, name_ru, name_zh, division)
        SELECT @Code, @NameEn, @NameRu, @NameZh, @Division
        WHERE NOT EXISTS (SELECT 1 FROM cities WHERE code = @Code)
        """;

    private const string InsertSectorSql = """
        INSERT INTO sectors (code, section, level, name_en, name_ru, name_zh)
        SELECT @Code, @Section, @Level, @NameEn, @NameRu, @NameZh
        WHERE NOT EXISTS (SELECT 1 FROM sectors WHERE code = @Code)
        """;

    private const string InsertNeedTypeSql = """
        INSERT INTO need_types (code, name_en, name_ru, name_zh)
        SELECT @Code, @NameEn, @NameRu, @NameZh
        WHERE NOT EXISTS (SELECT 1 FROM need_types WHERE code = @Code)
        """;

    private const string InsertCurrencySql = """
        INSERT INTO currencies (code, name_en, name_ru, name_zh)
        SELECT @Code, @NameEn, @NameRu, @NameZh
        WHERE NOT EXISTS (SELECT 1 FROM currencies WHERE code = @Code)
        """;

    private const string InsertFxRateSql = """
        INSERT INTO fx_rates (currency, usd_per_unit, effective_date, created_at)
        SELECT @Currency, @UsdPerUnit, @EffectiveDate, @CreatedAt
        WHERE NOT EXISTS (SELECT 1 FROM fx_rates WHERE currency = @Currency AND effective_date = @EffectiveDate)
        """;

    public static async Task SeedAsync(DbConnection connection, DateTime now, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        await InsertAsync(connection, tx, InsertRegionSql, Read<NamedRow>("regions"), ct);
        await InsertAsync(connection, tx, InsertCitySql, Read<CityRow>("cities"), ct);
        await InsertAsync(connection, tx, InsertSectorSql, Read<SectorRow>("sectors"), ct);
        await InsertAsync(connection, tx, InsertNeedTypeSql, Read<NamedRow>("need_types"), ct);
        await InsertAsync(connection, tx, InsertCurrencySql, Read<NamedRow>("currencies"), ct);
        var rates = Read<FxRow>("fx_rates")
            .Select(r => new { r.Currency, r.UsdPerUnit, EffectiveDate = r.EffectiveDate.ToDateTime(TimeOnly.MinValue), CreatedAt = now });
        await InsertAsync(connection, tx, InsertFxRateSql, rates, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The codes of one of db/seed's code lists (a file with a <c>code</c> column), in file order.</summary>
    public static IReadOnlyList<string> Codes(string name) => Read<NamedRow>(name).Select(r => r.Code).ToList();

    private static async Task InsertAsync<T>(DbConnection connection, DbTransaction tx, string sql, IEnumerable<T> rows, CancellationToken ct)
    {
        foreach (var row in rows)
            await connection.ExecuteAsync(new CommandDefinition(sql, row, tx, cancellationToken: ct));
    }

    private static List<T> Read<T>(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"db.seed.{name}.csv")
            ?? throw new InvalidOperationException($"Seed file db/seed/{name}.csv is not embedded.");
        using var reader = new StreamReader(stream);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.Replace("_", "").ToLowerInvariant() };
        using var csv = new CsvReader(reader, config);
        return csv.GetRecords<T>().ToList();
    }

    private sealed record NamedRow(string Code, string NameEn, string NameRu, string NameZh);

    private sealed record CityRow(string Code, string NameEn, string NameRu, string NameZh, string Division);

    private sealed record SectorRow(string Code, string Section, string Level, string NameEn, string NameRu, string NameZh);

    private sealed record FxRow(string Currency, decimal UsdPerUnit, DateOnly EffectiveDate);
}
