using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Reports;

/// <summary>
/// The filter conditions as SQL. A report names its keys <c>k (code, region, city, sector)</c>: the summary one
/// row holding the request's filters, a grouped report one row per region, city or sector with that value in place
/// of the filter, so each of its rows is the summary filtered by the row. <see cref="Relations"/> (by-city:
/// <see cref="CityRelations"/>) then lists, per key, the SMEs, needs, partners and matches that row counts:
/// <list type="bullet">
/// <item>an SME: of the key's region, with one of its own sectors in the key's sector, with a need matched (at any
/// time) with a partner of the key's city, created in the period;</item>
/// <item>a need: its SME of the key's region, one of its effective sectors in the key's sector, matched (at any time)
/// with a partner of the key's city (the period applies to what is counted of it);</item>
/// <item>a partner: of the key's city, with one of its own sectors in the key's sector, matched (at any time) with a
/// need of an SME of the key's region, created in the period;</item>
/// <item>a match: on a need of the key, with a partner of the key's city, created in the period.</item>
/// </list>
/// Matches are read in the order of an index and reduced to counts per need and status (per partner and status,
/// or per city, need and status where a key has a city) or to sets of pairs (city and need, region and partner)
/// before anything is joined to them; a million of them would otherwise be joined row by row to their need,
/// SME and partner, once per key.
/// </summary>
internal static class ReportConditions
{
    public const string SummaryKeys = " SELECT '' AS code, @Region AS region, @City AS city, @Sector AS sector ";

    /// <summary>Starts a report's SQL: its keys follow, then <see cref="Relations"/> or <see cref="CityRelations"/>.</summary>
    public const string Open = " WITH k AS ( ";

    public const string MutualOrLater = " IN " + MatchStatus.StagesAsSqlList + " ";

    // Vetting.Lists in SQL: with @ListedOnly (Profiles:RequireVerification) only verified profiles, and the needs of
    // verified SMEs, are counted. The key's relations keep every profile, so that matches count as stored and the
    // pending and rejected profiles can be counted too.
    private const string Verified = "'" + VerificationStatus.Verified + "'";

    /// <summary>Whether the SME <c>s</c> is counted.</summary>
    public const string ListedSme = " (@ListedOnly = 0 OR s.verification = " + Verified + ") ";

    /// <summary>Whether the partner <c>p</c> is counted.</summary>
    public const string ListedPartner = " (@ListedOnly = 0 OR p.verification = " + Verified + ") ";

    /// <summary>Whether the need <c>n</c> is counted: its SME is.</summary>
    public const string ListedNeed = " (@ListedOnly = 0 OR EXISTS (SELECT 1 FROM smes ls WHERE ls.id = n.sme_id AND ls.verification = " + Verified + ")) ";

    private const string SectorOfKey = " FROM k JOIN sectors sc ON sc.code = k.sector OR sc.section = k.sector ";

    private const string Sme = """
         (k.region IS NULL OR s.region_code = k.region)
          AND (k.city IS NULL OR EXISTS (SELECT 1 FROM city_smes c WHERE c.city = k.city AND c.sme_id = s.id))
          AND (@From IS NULL OR s.created_at >= @From) AND (@To IS NULL OR s.created_at < @To)

        """;

    private const string Need = """
         (k.region IS NULL OR s.region_code = k.region)
          AND (k.city IS NULL OR EXISTS (SELECT 1 FROM city_needs c WHERE c.city = k.city AND c.need_id = n.id))

        """;

    private const string Partner = """
         (k.city IS NULL OR p.city_code = k.city)
          AND (k.region IS NULL OR EXISTS (SELECT 1 FROM region_partners r WHERE r.region = k.region AND r.partner_id = p.id))
          AND (@From IS NULL OR p.created_at >= @From) AND (@To IS NULL OR p.created_at < @To)

        """;

    private const string InPeriod = " (@From IS NULL OR m.created_at >= @From) AND (@To IS NULL OR m.created_at < @To) ";

    private const string Keyed = """
         ),
        sector_needs AS (
          SELECT DISTINCT k.code AS code, es.need_id AS need_id
        """ + SectorOfKey + """
          JOIN need_effective_sectors es ON es.sector_code = sc.code
        ),
        sector_smes AS (
          SELECT DISTINCT k.code AS code, x.sme_id AS sme_id
        """ + SectorOfKey + """
          JOIN sme_sectors x ON x.sector_code = sc.code
        ),
        sector_partners AS (
          SELECT DISTINCT k.code AS code, x.partner_id AS partner_id
        """ + SectorOfKey + """
          JOIN partner_sectors x ON x.sector_code = sc.code
        ),
        city_needs AS (
          SELECT DISTINCT p.city_code AS city, m.need_id AS need_id
          FROM partners p JOIN matches m ON m.partner_id = p.id
          WHERE p.city_code IN (SELECT k.city FROM k)
        ),
        city_smes AS (SELECT DISTINCT x.city AS city, n.sme_id AS sme_id FROM city_needs x JOIN needs n ON n.id = x.need_id),
        region_partners AS (
          SELECT DISTINCT s.region_code AS region, m.partner_id AS partner_id
          FROM smes s JOIN needs n ON n.sme_id = s.id JOIN matches m ON m.need_id = n.id
          WHERE s.region_code IN (SELECT k.region FROM k)
        ),
        key_smes AS (
          SELECT k.code AS code, s.id AS sme_id FROM k CROSS JOIN smes s WHERE k.sector IS NULL AND
        """ + Sme + """
          UNION ALL
          SELECT k.code, s.id FROM k JOIN sector_smes x ON x.code = k.code JOIN smes s ON s.id = x.sme_id WHERE
        """ + Sme + """
        ),
        key_needs AS (
          SELECT k.code AS code, k.city AS city, n.id AS need_id FROM k CROSS JOIN needs n JOIN smes s ON s.id = n.sme_id WHERE k.sector IS NULL AND
        """ + Need + """
          UNION ALL
          SELECT k.code, k.city, n.id FROM k JOIN sector_needs x ON x.code = k.code JOIN needs n ON n.id = x.need_id JOIN smes s ON s.id = n.sme_id WHERE
        """ + Need + """
        ),
        key_partners AS (
          SELECT k.code AS code, p.id AS partner_id FROM k CROSS JOIN partners p WHERE k.sector IS NULL AND
        """ + Partner + """
          UNION ALL
          SELECT k.code, p.id FROM k JOIN sector_partners x ON x.code = k.code JOIN partners p ON p.id = x.partner_id WHERE
        """ + Partner + """
        )
        """;

    /// <summary>
    /// Closes <see cref="Relations"/> and <see cref="CityRelations"/> with the deals' results, each on its own time:
    /// <c>key_agreements (code, match_id, created_at, agreed_at)</c>, the key's matches that reached agreement (the first
    /// step to <c>agreement</c> or <c>closed</c>) in the period, and <c>key_outcomes (code, need_id, usd, jobs, youth)</c>,
    /// per key and need the latest outcome recorded in the period across the need's matches of the key, so each need
    /// counts once. Where a key has a city, only the matches with a partner of the city count.
    /// </summary>
    private const string Results = """
        ,
        agreed AS (
          SELECT e.match_id AS match_id, MIN(e.created_at) AS agreed_at
          FROM match_events e
          WHERE e.to_status IN ('agreement', 'closed')
          GROUP BY e.match_id
        ),
        key_agreements AS (
          SELECT x.code AS code, m.id AS match_id, m.created_at AS created_at, a.agreed_at AS agreed_at
          FROM key_needs x JOIN matches m ON m.need_id = x.need_id JOIN agreed a ON a.match_id = m.id JOIN partners p ON p.id = m.partner_id
          WHERE (x.city IS NULL OR p.city_code = x.city)
            AND (@From IS NULL OR a.agreed_at >= @From) AND (@To IS NULL OR a.agreed_at < @To)
        ),
        key_outcome_records AS (
          SELECT x.code AS code, o.need_id AS need_id, o.investment_usd AS usd, o.jobs_created AS jobs, o.youth_jobs AS youth,
                 ROW_NUMBER() OVER (PARTITION BY x.code, o.need_id ORDER BY o.recorded_at DESC, o.id DESC) AS recency
          FROM key_needs x JOIN match_outcomes o ON o.need_id = x.need_id JOIN matches m ON m.id = o.match_id JOIN partners p ON p.id = m.partner_id
          WHERE (x.city IS NULL OR p.city_code = x.city)
            AND (@From IS NULL OR o.recorded_at >= @From) AND (@To IS NULL OR o.recorded_at < @To)
        ),
        key_outcomes AS (SELECT x.code AS code, x.need_id AS need_id, x.usd AS usd, x.jobs AS jobs, x.youth AS youth FROM key_outcome_records x WHERE x.recency = 1)

        """;

    /// <summary>
    /// Closes the keys and defines <c>key_smes (code, sme_id)</c>, <c>key_needs (code, city, need_id)</c>,
    /// <c>key_partners (code, partner_id)</c>, and of the matches created in the period
    /// <c>key_matches (code, need_id, status, matches)</c>, <c>key_status (code, status, matches)</c>,
    /// <c>key_matched_needs (code, need_id)</c> and <c>key_deals (code, need_id, status, matches)</c> (those at
    /// mutual or later), then <see cref="Results"/>. Where a key has a city, its matches are counted per city, need and status.
    /// </summary>
    public const string Relations = Keyed + """
        ,
        need_matches AS (
          SELECT m.need_id AS need_id, m.status AS status, COUNT(*) AS matches
          FROM matches m
          WHERE EXISTS (SELECT 1 FROM k WHERE k.city IS NULL) AND
        """ + InPeriod + """
          GROUP BY m.need_id, m.status
        ),
        city_matches AS (
          SELECT p.city_code AS city, m.need_id AS need_id, m.status AS status, COUNT(*) AS matches
          FROM partners p JOIN matches m ON m.partner_id = p.id
          WHERE p.city_code IN (SELECT k.city FROM k) AND
        """ + InPeriod + """
          GROUP BY p.city_code, m.need_id, m.status
        ),
        key_matches AS (
          SELECT x.code AS code, x.need_id AS need_id, m.status AS status, m.matches AS matches
          FROM key_needs x JOIN need_matches m ON m.need_id = x.need_id
          WHERE x.city IS NULL
          UNION ALL
          SELECT x.code, x.need_id, m.status, m.matches
          FROM key_needs x JOIN city_matches m ON m.city = x.city AND m.need_id = x.need_id
        ),
        key_status AS (SELECT x.code AS code, x.status AS status, SUM(x.matches) AS matches FROM key_matches x GROUP BY x.code, x.status),
        key_matched_needs AS (SELECT DISTINCT x.code AS code, x.need_id AS need_id FROM key_matches x),
        key_deals AS (SELECT x.code AS code, x.need_id AS need_id, x.status AS status, x.matches AS matches FROM key_matches x WHERE x.status
        """ + MutualOrLater + """
        )
        """ + Results;

    /// <summary>
    /// <see cref="Relations"/> for keys that are the cities, all with the request's region and sector: a match
    /// of a partner of the city counts for the city's row when its need passes those two filters, so the
    /// million matches are counted per partner and status (in the order of an index) and only the pairs of
    /// city and need are kept, instead of counting per city, need and status.
    /// </summary>
    public const string CityRelations = Keyed + """
        ,
        filtered_needs AS (SELECT DISTINCT x.need_id AS need_id FROM key_needs x),
        partner_status AS (
          SELECT m.partner_id AS partner_id, m.status AS status, COUNT(*) AS matches
          FROM matches m
          WHERE m.partner_id IN (SELECT p.id FROM partners p WHERE p.city_code IN (SELECT k.city FROM k))
            AND ((@Region IS NULL AND @Sector IS NULL) OR m.need_id IN (SELECT f.need_id FROM filtered_needs f)) AND
        """ + InPeriod + """
          GROUP BY m.partner_id, m.status
        ),
        key_status AS (
          SELECT p.city_code AS code, x.status AS status, SUM(x.matches) AS matches
          FROM partner_status x JOIN partners p ON p.id = x.partner_id
          GROUP BY p.city_code, x.status
        ),
        key_matched_needs AS (
          SELECT x.code AS code, x.need_id AS need_id FROM key_needs x WHERE @From IS NULL AND @To IS NULL
          UNION ALL
          SELECT DISTINCT p.city_code, m.need_id
          FROM partners p JOIN matches m ON m.partner_id = p.id
          WHERE (@From IS NOT NULL OR @To IS NOT NULL) AND p.city_code IN (SELECT k.city FROM k)
            AND m.need_id IN (SELECT f.need_id FROM filtered_needs f) AND
        """ + InPeriod + """
        ),
        key_deals AS (
          SELECT p.city_code AS code, m.need_id AS need_id, m.status AS status, COUNT(*) AS matches
          FROM matches m JOIN partners p ON p.id = m.partner_id
          WHERE m.status
        """ + MutualOrLater + """
            AND p.city_code IN (SELECT k.city FROM k) AND m.need_id IN (SELECT f.need_id FROM filtered_needs f) AND
        """ + InPeriod + """
          GROUP BY p.city_code, m.need_id, m.status
        )
        """ + Results;
}
