using System.Data.Common;
using Dapper;
using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Matching.Scoring;

/// <summary>
/// Reads what the engine scores: needs with their SME's attributes, and partner profiles. A need's
/// amount is converted to USD at the latest rate effective at scoring time.
/// </summary>
internal static class FeatureLoader
{
    private const string NeedColumns = """
        SELECT n.id AS Id, n.sme_id AS SmeId, n.amount AS Amount, n.currency AS Currency, n.amount_usd AS AmountUsd, n.jobs_to_create AS JobsToCreate,
               n.has_own_sectors AS HasOwnSectors, n.status AS Status, s.region_code AS Region,
               s.export_oriented AS ExportOriented, s.languages AS Languages, s.certifications AS Certifications
        FROM needs n JOIN smes s ON s.id = n.sme_id
        """;

    private const string NeedsByIdSql = NeedColumns + " WHERE n.id IN @Ids";

    private const string NeedsBySmeSql = NeedColumns + " WHERE n.sme_id = @SmeId AND n.status = 'open'";

    /// <summary>Open needs, and closed ones whose matches someone acted on (their deals still carry a score).</summary>
    private const string ScoredNeedsSql = NeedColumns + """
         WHERE n.status = 'open'
            OR EXISTS (SELECT 1 FROM matches m WHERE m.need_id = n.id AND m.status <> 'suggested')
        """;

    private const string OpenNeedsSql = NeedColumns + " WHERE n.status = 'open'";

    private const string FxRatesSql = "SELECT currency AS Currency, usd_per_unit AS UsdPerUnit, effective_date AS EffectiveDate FROM fx_rates";

    private const string NeedTypesSql = "SELECT need_id AS OwnerId, need_type_code AS Code FROM need_need_types ORDER BY need_id, position";
    private const string NeedTypesByIdSql = "SELECT need_id AS OwnerId, need_type_code AS Code FROM need_need_types WHERE need_id IN @Ids ORDER BY need_id, position";
    private const string NeedSectorsSql = "SELECT need_id AS OwnerId, sector_code AS Code FROM need_sectors ORDER BY need_id, position";
    private const string NeedSectorsByIdSql = "SELECT need_id AS OwnerId, sector_code AS Code FROM need_sectors WHERE need_id IN @Ids ORDER BY need_id, position";
    private const string SmeSectorsSql = "SELECT sme_id AS OwnerId, sector_code AS Code FROM sme_sectors ORDER BY sme_id, position";
    private const string SmeSectorsByIdSql = "SELECT sme_id AS OwnerId, sector_code AS Code FROM sme_sectors WHERE sme_id IN @Ids ORDER BY sme_id, position";

    private const string PartnerColumns = """
        SELECT p.id AS Id, p.ticket_min_usd AS MinUsd, p.ticket_max_usd AS MaxUsd, p.seeks_export_oriented AS SeeksExportOriented,
               p.languages AS Languages, p.required_certifications AS RequiredCertifications
        FROM partners p
        """;

    private const string PartnersSql = PartnerColumns;
    private const string PartnersByIdSql = PartnerColumns + " WHERE p.id IN @Ids";

    private const string PartnerListsSql = """
        SELECT 'sector' AS Kind, partner_id AS OwnerId, sector_code AS Code, position AS Position FROM partner_sectors
        UNION ALL SELECT 'offering', partner_id, need_type_code, position FROM partner_offerings
        UNION ALL SELECT 'region', partner_id, region_code, position FROM partner_target_regions
        ORDER BY OwnerId, Kind, Position
        """;

    private const string PartnerListsByIdSql = """
        SELECT 'sector' AS Kind, partner_id AS OwnerId, sector_code AS Code, position AS Position FROM partner_sectors WHERE partner_id IN @Ids
        UNION ALL SELECT 'offering', partner_id, need_type_code, position FROM partner_offerings WHERE partner_id IN @Ids
        UNION ALL SELECT 'region', partner_id, region_code, position FROM partner_target_regions WHERE partner_id IN @Ids
        ORDER BY OwnerId, Kind, Position
        """;

    public static Task<IReadOnlyList<LoadedNeed>> NeedsAsync(DbConnection c, DbTransaction? tx, IReadOnlyCollection<long> ids, DateTime asOf, CancellationToken ct) =>
        ids.Count == 0 ? Task.FromResult<IReadOnlyList<LoadedNeed>>([]) : LoadNeedsAsync(c, tx, NeedsByIdSql, new { Ids = ids }, byId: true, asOf, ct);

    public static Task<IReadOnlyList<LoadedNeed>> OpenNeedsOfSmeAsync(DbConnection c, DbTransaction? tx, long smeId, DateTime asOf, CancellationToken ct) =>
        LoadNeedsAsync(c, tx, NeedsBySmeSql, new { SmeId = smeId }, byId: true, asOf, ct);

    public static Task<IReadOnlyList<LoadedNeed>> OpenNeedsAsync(DbConnection c, DbTransaction? tx, DateTime asOf, CancellationToken ct) =>
        LoadNeedsAsync(c, tx, OpenNeedsSql, null, byId: false, asOf, ct);

    public static Task<IReadOnlyList<LoadedNeed>> ScoredNeedsAsync(DbConnection c, DbTransaction? tx, DateTime asOf, CancellationToken ct) =>
        LoadNeedsAsync(c, tx, ScoredNeedsSql, null, byId: false, asOf, ct);

    public static Task<IReadOnlyList<PartnerInput>> PartnersAsync(DbConnection c, DbTransaction? tx, CancellationToken ct) =>
        LoadPartnersAsync(c, tx, PartnersSql, PartnerListsSql, null, ct);

    public static Task<IReadOnlyList<PartnerInput>> PartnersAsync(DbConnection c, DbTransaction? tx, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        ids.Count == 0 ? Task.FromResult<IReadOnlyList<PartnerInput>>([]) : LoadPartnersAsync(c, tx, PartnersByIdSql, PartnerListsByIdSql, new { Ids = ids }, ct);

    private static async Task<IReadOnlyList<LoadedNeed>> LoadNeedsAsync(DbConnection c, DbTransaction? tx, string sql, object? args, bool byId, DateTime asOf, CancellationToken ct)
    {
        var rows = (await c.QueryAsync<NeedRow>(new CommandDefinition(sql, args, tx, cancellationToken: ct))).ToList();
        if (rows.Count == 0)
            return [];
        var rates = (await c.QueryAsync<FxRow>(new CommandDefinition(FxRatesSql, transaction: tx, cancellationToken: ct)))
            .Where(r => r.EffectiveDate <= asOf)
            .GroupBy(r => r.Currency)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.EffectiveDate)!.UsdPerUnit);
        var needIds = rows.Select(r => r.Id).ToList();
        var smeIds = rows.Select(r => r.SmeId).Distinct().ToList();
        var types = await CodesAsync(c, tx, byId ? NeedTypesByIdSql : NeedTypesSql, byId ? new { Ids = needIds } : null, ct);
        var own = await CodesAsync(c, tx, byId ? NeedSectorsByIdSql : NeedSectorsSql, byId ? new { Ids = needIds } : null, ct);
        var smeSectors = await CodesAsync(c, tx, byId ? SmeSectorsByIdSql : SmeSectorsSql, byId ? new { Ids = smeIds } : null, ct);
        return rows.Select(r => new LoadedNeed(
            new NeedInput(
                r.Id,
                (r.HasOwnSectors ? own[r.Id] : smeSectors[r.SmeId]).ToList(),
                rates.TryGetValue(r.Currency, out var rate) ? Math.Round(r.Amount * rate, 2, MidpointRounding.AwayFromZero) : r.AmountUsd,
                types[r.Id].ToList(),
                r.JobsToCreate,
                r.Region,
                r.ExportOriented,
                JsonList.Read(r.Languages),
                JsonList.Read(r.Certifications)),
            r.Status == "open")).ToList();
    }

    private static async Task<IReadOnlyList<PartnerInput>> LoadPartnersAsync(DbConnection c, DbTransaction? tx, string sql, string listsSql, object? args, CancellationToken ct)
    {
        var rows = (await c.QueryAsync<PartnerRow>(new CommandDefinition(sql, args, tx, cancellationToken: ct))).ToList();
        if (rows.Count == 0)
            return [];
        var lists = (await c.QueryAsync<ListRow>(new CommandDefinition(listsSql, args, tx, cancellationToken: ct))).ToList();
        ILookup<long, string> Of(string kind) => lists.Where(l => l.Kind == kind).ToLookup(l => l.OwnerId, l => l.Code);
        var sectors = Of("sector");
        var offerings = Of("offering");
        var regions = Of("region");
        return rows.Select(r => new PartnerInput(
            r.Id,
            sectors[r.Id].ToList(),
            offerings[r.Id].ToList(),
            r.MinUsd,
            r.MaxUsd,
            regions[r.Id].ToList(),
            r.SeeksExportOriented,
            JsonList.Read(r.Languages),
            JsonList.Read(r.RequiredCertifications))).ToList();
    }

    private static async Task<ILookup<long, string>> CodesAsync(DbConnection c, DbTransaction? tx, string sql, object? args, CancellationToken ct) =>
        (await c.QueryAsync<OwnedCode>(new CommandDefinition(sql, args, tx, cancellationToken: ct))).ToLookup(r => r.OwnerId, r => r.Code);

    private sealed record NeedRow
    {
        public long Id { get; init; }
        public long SmeId { get; init; }
        public decimal Amount { get; init; }
        public string Currency { get; init; } = "";
        public decimal AmountUsd { get; init; }
        public int JobsToCreate { get; init; }
        public bool HasOwnSectors { get; init; }
        public string Status { get; init; } = "";
        public string Region { get; init; } = "";
        public bool ExportOriented { get; init; }
        public string Languages { get; init; } = "[]";
        public string Certifications { get; init; } = "[]";
    }

    private sealed record FxRow
    {
        public string Currency { get; init; } = "";
        public decimal UsdPerUnit { get; init; }
        public DateTime EffectiveDate { get; init; }
    }

    private sealed record PartnerRow
    {
        public long Id { get; init; }
        public decimal MinUsd { get; init; }
        public decimal MaxUsd { get; init; }
        public bool SeeksExportOriented { get; init; }
        public string Languages { get; init; } = "[]";
        public string RequiredCertifications { get; init; } = "[]";
    }

    private sealed record ListRow
    {
        public string Kind { get; init; } = "";
        public long OwnerId { get; init; }
        public string Code { get; init; } = "";
        public int Position { get; init; }
    }
}

internal sealed record LoadedNeed(NeedInput Input, bool IsOpen);
