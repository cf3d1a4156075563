using System.Collections.Frozen;

namespace Matchmaker.Api.Infrastructure.Data;

/// <summary>
/// The codes of the reference tables, read once at start-up after seeding. Validators are
/// singletons and must not query the database, so they check codes against this snapshot.
/// </summary>
public sealed class ReferenceCodes
{
    private const string CodesSql = """
        SELECT 'region' AS kind, code FROM regions
        UNION ALL SELECT 'city', code FROM cities
        UNION ALL SELECT 'division', code FROM sectors WHERE level = 'division'
        UNION ALL SELECT 'section', code FROM sectors WHERE level = 'section'
        UNION ALL SELECT 'need_type', code FROM need_types
        UNION ALL SELECT 'currency', code FROM currencies
        """;

    public FrozenSet<string> Regions { get; private set; } = FrozenSet<string>.Empty;
    public FrozenSet<string> Cities { get; private set; } = FrozenSet<string>.Empty;
    public FrozenSet<string> Divisions { get; private set; } = FrozenSet<string>.Empty;
    public FrozenSet<string> Sections { get; private set; } = FrozenSet<string>.Empty;
    public FrozenSet<string> NeedTypes { get; private set; } = FrozenSet<string>.Empty;
    public FrozenSet<string> Currencies { get; private set; } = FrozenSet<string>.Empty;

    public async Task LoadAsync(DbConnection connection, CancellationToken ct)
    {
        var rows = (await connection.QueryAsync<(string Kind, string Code)>(new CommandDefinition(CodesSql, cancellationToken: ct))).ToList();
        FrozenSet<string> Of(string kind) => rows.Where(r => r.Kind == kind).Select(r => r.Code).ToFrozenSet(StringComparer.Ordinal);
        Regions = Of("region");
        Cities = Of("city");
        Divisions = Of("division");
        Sections = Of("section");
        NeedTypes = Of("need_type");
        Currencies = Of("currency");
    }
}
