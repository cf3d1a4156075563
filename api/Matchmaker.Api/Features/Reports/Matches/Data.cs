using System.Runtime.CompilerServices;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Needs;

namespace Matchmaker.Api.Features.Reports.Matches;

internal sealed record ExportDbRow
{
    public long Id { get; init; }
    public Guid MatchId { get; init; }
    public string Status { get; init; } = "";
    public decimal? Score { get; init; }
    public int? CriteriaVersion { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? MutualAt { get; init; }
    public Guid NeedId { get; init; }
    public string NeedTitle { get; init; } = "";
    public string NeedStatus { get; init; } = "";
    public DateTime? NeedExpiresAt { get; init; }
    public decimal NeedAmount { get; init; }
    public string NeedCurrency { get; init; } = "";
    public decimal NeedAmountUsd { get; init; }
    public int NeedJobsToCreate { get; init; }
    public Guid SmeId { get; init; }
    public string SmeName { get; init; } = "";
    public string SmeRegion { get; init; } = "";
    public Guid PartnerId { get; init; }
    public string PartnerName { get; init; } = "";
    public string? PartnerNameZh { get; init; }
    public string PartnerCity { get; init; } = "";
    public string PartnerKind { get; init; } = "";
    public int ListKind { get; init; }
    public string ListCode { get; init; } = "";
    public int ListPosition { get; init; }
}

internal sealed record MatchDbRow
{
    public long Id { get; init; }
    public Guid MatchId { get; init; }
    public string Status { get; init; } = "";
    public decimal? Score { get; init; }
    public int? CriteriaVersion { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? MutualAt { get; init; }
    public long NeedKey { get; init; }
    public long PartnerKey { get; init; }
}

internal sealed record NeedDbRow
{
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public string Title { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTime? ExpiresAt { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "";
    public decimal AmountUsd { get; init; }
    public int JobsToCreate { get; init; }
    public long SmeKey { get; init; }
}

internal sealed record SmeDbRow
{
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public string Name { get; init; } = "";
    public string Region { get; init; } = "";
}

internal sealed record PartnerDbRow
{
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public string Name { get; init; } = "";
    public string? NameZh { get; init; }
    public string City { get; init; } = "";
    public string Kind { get; init; } = "";
}

internal sealed record ListItem
{
    public long Owner { get; init; }
    public string Code { get; init; } = "";
}

/// <summary>
/// The export's reads. A page is one query whose rows come as one row per need type, then one row per SME
/// sector, then one row per effective need sector of each match (every need has a type and every SME a
/// sector, so every need an effective sector), folded into matches while read.
/// The whole export (CSV) reads needs, SMEs, partners and their lists once, then streams the matches in
/// creation order straight off an index, one row each: memory grows with needs, SMEs and partners, never
/// with matches.
/// </summary>
internal static class ExportQuery
{
    public const string OrderDescription = "ordered by match `createdAt`, oldest first; matches created in the same instant in the order they were stored";

    // Conditions on the match row alone, so the whole export reads no need, SME or partner per match.
    private const string Filters = """
         (@From IS NULL OR m.created_at >= @From) AND (@To IS NULL OR m.created_at < @To)
          AND m.status IN @Statuses
          AND (@Region IS NULL OR m.need_id IN (SELECT rn.id FROM needs rn JOIN smes rs ON rs.id = rn.sme_id WHERE rs.region_code = @Region))
          AND (@City IS NULL OR m.partner_id IN (SELECT cp.id FROM partners cp WHERE cp.city_code = @City))
          AND (@Sector IS NULL
               OR m.need_id IN (SELECT es.need_id FROM need_effective_sectors es JOIN sectors sc ON sc.code = es.sector_code
                                WHERE sc.code = @Sector OR sc.section = @Sector))

        """;

    private const string Columns = """
         m.id AS Id, m.public_id AS MatchId, m.status AS Status, ms.score AS Score, ms.criteria_version AS CriteriaVersion,
               m.created_at AS CreatedAt, m.updated_at AS UpdatedAt, m.mutual_at AS MutualAt,
               n.id AS NeedKey, n.public_id AS NeedId, n.title AS NeedTitle, n.status AS NeedStatus, n.expires_at AS NeedExpiresAt,
               n.amount AS NeedAmount, n.currency AS NeedCurrency, n.amount_usd AS NeedAmountUsd, n.jobs_to_create AS NeedJobsToCreate,
               s.id AS SmeKey, s.public_id AS SmeId, s.name AS SmeName, s.region_code AS SmeRegion,
               p.public_id AS PartnerId, p.name AS PartnerName, p.name_zh AS PartnerNameZh, p.city_code AS PartnerCity, p.kind AS PartnerKind

        """;

    private const string Joins = """
         JOIN needs n ON n.id = m.need_id
            JOIN smes s ON s.id = n.sme_id
            JOIN partners p ON p.id = m.partner_id

        """;

    private const string ActiveScore = " LEFT JOIN match_scores ms ON ms.match_id = m.id AND ms.criteria_version = (" + ProfileStore.ActiveVersionSql + ") ";

    // The page of matches is picked once, oldest first with the reports' filters; each match then comes
    // back as its need's types followed by its SME's sectors, the lists folded in ReadAsync.
    public const string Sql = """
        WITH page AS (
            SELECT /**top**/ m.id
            FROM matches m
            WHERE (@AfterCreatedAt IS NULL OR m.created_at > @AfterCreatedAt OR (m.created_at = @AfterCreatedAt AND m.id > @AfterId))
              AND
        """ + Filters + """
            ORDER BY m.created_at, m.id
            /**limit**/
        ),
        export AS (
            SELECT
        """ + Columns + """
            FROM page
            JOIN matches m ON m.id = page.id
        """ + Joins + ActiveScore + """
        )
        SELECT e.Id, e.MatchId, e.Status, e.Score, e.CriteriaVersion, e.CreatedAt, e.UpdatedAt, e.MutualAt,
               e.NeedId, e.NeedTitle, e.NeedStatus, e.NeedExpiresAt, e.NeedAmount, e.NeedCurrency, e.NeedAmountUsd, e.NeedJobsToCreate, e.SmeId, e.SmeName, e.SmeRegion,
               e.PartnerId, e.PartnerName, e.PartnerNameZh, e.PartnerCity, e.PartnerKind,
               1 AS ListKind, t.need_type_code AS ListCode, t.position AS ListPosition
        FROM export e JOIN need_need_types t ON t.need_id = e.NeedKey
        UNION ALL
        SELECT e.Id, e.MatchId, e.Status, e.Score, e.CriteriaVersion, e.CreatedAt, e.UpdatedAt, e.MutualAt,
               e.NeedId, e.NeedTitle, e.NeedStatus, e.NeedExpiresAt, e.NeedAmount, e.NeedCurrency, e.NeedAmountUsd, e.NeedJobsToCreate, e.SmeId, e.SmeName, e.SmeRegion,
               e.PartnerId, e.PartnerName, e.PartnerNameZh, e.PartnerCity, e.PartnerKind,
               2, ss.sector_code, ss.position
        FROM export e JOIN sme_sectors ss ON ss.sme_id = e.SmeKey
        UNION ALL
        SELECT e.Id, e.MatchId, e.Status, e.Score, e.CriteriaVersion, e.CreatedAt, e.UpdatedAt, e.MutualAt,
               e.NeedId, e.NeedTitle, e.NeedStatus, e.NeedExpiresAt, e.NeedAmount, e.NeedCurrency, e.NeedAmountUsd, e.NeedJobsToCreate, e.SmeId, e.SmeName, e.SmeRegion,
               e.PartnerId, e.PartnerName, e.PartnerNameZh, e.PartnerCity, e.PartnerKind,
               3, es.sector_code, es.position
        FROM export e JOIN need_effective_sectors es ON es.need_id = e.NeedKey
        ORDER BY CreatedAt, Id, ListKind, ListPosition
        """;

    public const string AllSql = """
        SELECT m.id AS Id, m.public_id AS MatchId, m.status AS Status, ms.score AS Score, ms.criteria_version AS CriteriaVersion,
               m.created_at AS CreatedAt, m.updated_at AS UpdatedAt, m.mutual_at AS MutualAt, m.need_id AS NeedKey, m.partner_id AS PartnerKey
        FROM matches m
        """ + ActiveScore + " WHERE " + Filters + " ORDER BY m.created_at, m.id";

    public const string NeedsSql = """
        SELECT n.id AS Id, n.public_id AS PublicId, n.title AS Title, n.status AS Status, n.expires_at AS ExpiresAt,
               n.amount AS Amount, n.currency AS Currency, n.amount_usd AS AmountUsd, n.jobs_to_create AS JobsToCreate, n.sme_id AS SmeKey
        FROM needs n
        """;

    public const string SmesSql = "SELECT s.id AS Id, s.public_id AS PublicId, s.name AS Name, s.region_code AS Region FROM smes s";

    public const string PartnersSql = "SELECT p.id AS Id, p.public_id AS PublicId, p.name AS Name, p.name_zh AS NameZh, p.city_code AS City, p.kind AS Kind FROM partners p";

    public const string NeedTypesSql = "SELECT t.need_id AS Owner, t.need_type_code AS Code FROM need_need_types t ORDER BY t.need_id, t.position";

    public const string NeedSectorsSql = "SELECT x.need_id AS Owner, x.sector_code AS Code FROM need_effective_sectors x ORDER BY x.need_id, x.position";

    public const string SmeSectorsSql = "SELECT x.sme_id AS Owner, x.sector_code AS Code FROM sme_sectors x ORDER BY x.sme_id, x.position";

    public static async IAsyncEnumerable<ExportRow> ReadAsync(
        DbConnection connection, SqlDialect dialect, ReportParameters f, IReadOnlyList<string> statuses, (DateTime CreatedAt, long Id)? after, int take,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // Dapper's streaming read takes no CommandDefinition; the token cancels it through the enumeration below.
        var rows = connection.QueryUnbufferedAsync<ExportDbRow>(dialect.Render(Sql), new { f.From, f.To, f.Region, f.Sector, f.City, Statuses = statuses, AfterCreatedAt = after?.CreatedAt, AfterId = after?.Id, Take = take });
        ExportDbRow? head = null;
        List<string> types = [], sectors = [], needSectors = [];
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (head is not null && row.Id != head.Id)
            {
                yield return Fold(head, types, sectors, needSectors, f.Now);
                types = [];
                sectors = [];
                needSectors = [];
            }

            head = row;
            (row.ListKind switch { 1 => types, 2 => sectors, _ => needSectors }).Add(row.ListCode);
        }

        if (head is not null)
            yield return Fold(head, types, sectors, needSectors, f.Now);
    }

    /// <summary>
    /// Every match the filters keep, in the export's order, each read once and handed on at once. Needs, SMEs,
    /// partners and their lists are read beforehand (they are few beside the matches), so each match row holds
    /// only the match's own columns.
    /// </summary>
    public static async IAsyncEnumerable<ExportRow> ReadAllAsync(DbConnection connection, ReportParameters f, IReadOnlyList<string> statuses, [EnumeratorCancellation] CancellationToken ct)
    {
        var types = await ListsAsync(connection, NeedTypesSql, ct);
        var sectors = await ListsAsync(connection, SmeSectorsSql, ct);
        var needSectors = await ListsAsync(connection, NeedSectorsSql, ct);
        var smes = (await connection.QueryAsync<SmeDbRow>(new CommandDefinition(SmesSql, cancellationToken: ct))).ToDictionary(s => s.Id);
        var needs = (await connection.QueryAsync<NeedDbRow>(new CommandDefinition(NeedsSql, cancellationToken: ct))).ToDictionary(n => n.Id);
        var partners = (await connection.QueryAsync<PartnerDbRow>(new CommandDefinition(PartnersSql, cancellationToken: ct))).ToDictionary(p => p.Id);
        var rows = connection.QueryUnbufferedAsync<MatchDbRow>(AllSql, new { f.From, f.To, f.Region, f.Sector, f.City, Statuses = statuses });
        await foreach (var m in rows.WithCancellation(ct))
        {
            var need = needs[m.NeedKey];
            var sme = smes[need.SmeKey];
            var partner = partners[m.PartnerKey];
            yield return new ExportRow
            {
                Key = m.Id,
                MatchId = m.MatchId,
                Status = m.Status,
                Score = Rounded(m.Score),
                CriteriaVersion = m.CriteriaVersion,
                CreatedAt = m.CreatedAt,
                UpdatedAt = m.UpdatedAt,
                MutualAt = m.MutualAt,
                NeedId = need.PublicId,
                NeedTitle = need.Title,
                NeedStatus = NeedStatus.At(need.Status, need.ExpiresAt, f.Now),
                NeedTypes = types.GetValueOrDefault(need.Id) ?? [],
                NeedSectors = needSectors.GetValueOrDefault(need.Id) ?? [],
                NeedAmount = need.Amount,
                NeedCurrency = need.Currency,
                NeedAmountUsd = need.AmountUsd,
                NeedJobsToCreate = need.JobsToCreate,
                SmeId = sme.PublicId,
                SmeName = sme.Name,
                SmeRegion = sme.Region,
                SmeSectors = sectors.GetValueOrDefault(sme.Id) ?? [],
                PartnerId = partner.PublicId,
                PartnerName = partner.Name,
                PartnerNameZh = partner.NameZh,
                PartnerCity = partner.City,
                PartnerKind = partner.Kind,
            };
        }
    }

    private static decimal? Rounded(decimal? score) => score is { } s ? Math.Round(s, 1, MidpointRounding.AwayFromZero) : null;

    private static async Task<Dictionary<long, List<string>>> ListsAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        var lists = new Dictionary<long, List<string>>();
        await foreach (var item in connection.QueryUnbufferedAsync<ListItem>(sql).WithCancellation(ct))
        {
            if (!lists.TryGetValue(item.Owner, out var list))
                lists[item.Owner] = list = [];
            list.Add(item.Code);
        }

        return lists;
    }

    private static ExportRow Fold(ExportDbRow r, List<string> types, List<string> sectors, List<string> needSectors, DateTime now) => new()
    {
        Key = r.Id,
        MatchId = r.MatchId,
        Status = r.Status,
        Score = Rounded(r.Score),
        CriteriaVersion = r.CriteriaVersion,
        CreatedAt = r.CreatedAt,
        UpdatedAt = r.UpdatedAt,
        MutualAt = r.MutualAt,
        NeedId = r.NeedId,
        NeedTitle = r.NeedTitle,
        NeedStatus = NeedStatus.At(r.NeedStatus, r.NeedExpiresAt, now),
        NeedTypes = types,
        NeedSectors = needSectors,
        NeedAmount = r.NeedAmount,
        NeedCurrency = r.NeedCurrency,
        NeedAmountUsd = r.NeedAmountUsd,
        NeedJobsToCreate = r.NeedJobsToCreate,
        SmeId = r.SmeId,
        SmeName = r.SmeName,
        SmeRegion = r.SmeRegion,
        SmeSectors = sectors,
        PartnerId = r.PartnerId,
        PartnerName = r.PartnerName,
        PartnerNameZh = r.PartnerNameZh,
        PartnerCity = r.PartnerCity,
        PartnerKind = r.PartnerKind,
    };
}
