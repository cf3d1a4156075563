using Dapper;

namespace Matchmaker.Tests.Features.Demo;

/// <summary>The business rows of a database as text, each list ordered by a natural key, for comparing two databases.</summary>
internal static class DemoSnapshot
{
    private const string SmesSql = """
        SELECT s.inn, s.public_id, s.name, s.region_code, s.employees, s.founded_year, s.export_oriented, s.languages,
               s.certifications, s.contact_person, s.contact_email, s.contact_phone, s.created_at, u.email, u.role
        FROM smes s JOIN users u ON u.id = s.owner_user_id ORDER BY s.inn
        """;

    private const string SmeSectorsSql = """
        SELECT s.inn, x.sector_code, x.position FROM sme_sectors x JOIN smes s ON s.id = x.sme_id ORDER BY s.inn, x.position
        """;

    private const string NeedsSql = """
        SELECT s.inn, n.public_id, n.title, n.amount, n.currency, n.amount_usd, n.jobs_to_create, n.export_markets, n.horizon_months,
               n.has_own_sectors, n.status, n.close_reason, n.closed_at, n.created_at
        FROM needs n JOIN smes s ON s.id = n.sme_id ORDER BY s.inn, n.created_at, n.title
        """;

    private const string NeedTypesSql = """
        SELECT s.inn, n.created_at, n.title, t.need_type_code, t.position
        FROM need_need_types t JOIN needs n ON n.id = t.need_id JOIN smes s ON s.id = n.sme_id
        ORDER BY s.inn, n.created_at, n.title, t.position
        """;

    private const string PartnersSql = """
        SELECT p.uscc, p.public_id, p.name, p.name_zh, p.city_code, p.kind, p.ticket_min_usd, p.ticket_max_usd, p.languages,
               p.seeks_export_oriented, p.required_certifications, p.contact_person, p.contact_email, p.created_at
        FROM partners p ORDER BY p.uscc
        """;

    private const string PartnerListsSql = """
        SELECT p.uscc, 'sector' AS kind, x.sector_code AS code, x.position FROM partner_sectors x JOIN partners p ON p.id = x.partner_id
        UNION ALL SELECT p.uscc, 'offering', x.need_type_code, x.position FROM partner_offerings x JOIN partners p ON p.id = x.partner_id
        UNION ALL SELECT p.uscc, 'region', x.region_code, x.position FROM partner_target_regions x JOIN partners p ON p.id = x.partner_id
        ORDER BY 1, 2, 4
        """;

    private const string MatchesSql = """
        SELECT s.inn, n.created_at AS need_created_at, n.title, p.uscc, m.status, ms.score, m.sme_interested_at,
               m.partner_interested_at, m.mutual_at, m.created_at, m.updated_at, m.version
        FROM matches m
        JOIN match_scores ms ON ms.match_id = m.id
        JOIN needs n ON n.id = m.need_id JOIN smes s ON s.id = n.sme_id JOIN partners p ON p.id = m.partner_id
        ORDER BY s.inn, n.created_at, n.title, p.uscc
        """;

    private const string EventsSql = """
        SELECT s.inn, n.created_at AS need_created_at, n.title, p.uscc, e.actor_id, e.actor_role, e.action, e.from_status,
               e.to_status, e.note, e.created_at
        FROM match_events e JOIN matches m ON m.id = e.match_id
        JOIN needs n ON n.id = m.need_id JOIN smes s ON s.id = n.sme_id JOIN partners p ON p.id = m.partner_id
        ORDER BY s.inn, n.created_at, n.title, p.uscc, e.id
        """;

    // A synthetic world's matches are dated when its re-score ran; what is business data is which pairs, at what score.
    private const string ScoredPairsSql = """
        SELECT s.inn, n.created_at AS need_created_at, n.title, p.uscc, m.status, ms.score
        FROM matches m
        JOIN match_scores ms ON ms.match_id = m.id
        JOIN needs n ON n.id = m.need_id JOIN smes s ON s.id = n.sme_id JOIN partners p ON p.id = m.partner_id
        ORDER BY s.inn, n.created_at, n.title, p.uscc
        """;

    public static readonly IReadOnlyList<(string Name, string Sql)> Queries =
    [
        ("smes", SmesSql), ("sme_sectors", SmeSectorsSql), ("needs", NeedsSql), ("need_types", NeedTypesSql),
        ("partners", PartnersSql), ("partner_lists", PartnerListsSql), ("matches", MatchesSql), ("events", EventsSql),
    ];

    /// <summary>The business rows of a synthetic world, which has no deals.</summary>
    public static readonly IReadOnlyList<(string Name, string Sql)> SyntheticQueries =
    [
        ("smes", SmesSql), ("sme_sectors", SmeSectorsSql), ("needs", NeedsSql), ("need_types", NeedTypesSql),
        ("partners", PartnersSql), ("partner_lists", PartnerListsSql), ("matches", ScoredPairsSql),
    ];

    public static async Task<IReadOnlyList<string>> TakeAsync(ApiFixture api, string sql)
    {
        await using var connection = await api.OpenDatabaseAsync();
        var rows = await connection.QueryAsync(sql);
        return rows.Cast<IDictionary<string, object?>>()
            .Select(row => string.Join(" | ", row.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))))
            .ToList();
    }

    public static async Task<long> CountAsync(ApiFixture api, string table)
    {
        await using var connection = await api.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}
