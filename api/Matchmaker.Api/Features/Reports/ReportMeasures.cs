using Matchmaker.Api.Features.Matching.Deals;

namespace Matchmaker.Api.Features.Reports;

/// <summary>The measures of the summary; the grouped reports carry them per row.</summary>
public record ReportMeasures
{
    public const string Description = """
        Measures: `smes` SME profiles; `openNeeds` needs currently open (not closed, and not past their `expiresAt`); `expiredNeeds` needs open but past their `expiresAt` (not renewed); `requestedInvestmentUsd` sum of the USD amounts of the open needs; `partners` partner profiles (while `Profiles:RequireVerification` is on, the default, these five count only verified profiles and the needs of verified SMEs; the match measures count every stored match, a deal in progress included); `pendingProfiles` the SME and partner profiles waiting for an agency's decision and `rejectedProfiles` those an agency rejected (until their owners edit them), whatever `Profiles:RequireVerification` says, counted with the filters of `smes` and `partners`; `matches` number of matches by current status (every status present, 0 when none) and `matchesTotal` their sum; `investmentInMutualOrLaterUsd` sum of the USD amounts of the needs with a match at mutual, meeting, negotiation, agreement or closed, each need once however many such matches it has; `jobsInMutualOrLater` sum of those needs' jobsToCreate, each need once; `matchedNeeds` distinct needs with at least one match (any status), `exportOrientedMatchedNeeds` those whose SME is export-oriented, and `exportOrientedShareOfMatchedNeeds` their ratio (0–1, null when there are no matched needs); `agreements` matches that reached agreement (or went straight to closed), counted in the period of the agreement; `medianDaysToAgreement` the median of those matches' days from creation to agreement (one decimal, null without any); `realisedInvestmentUsd`, `jobsCreated` and `youthJobsCreated` the investment (in USD at the rate of the recording date), jobs and jobs for people under 30 of the recorded outcomes, per need only the latest outcome recorded in the period across its matches (a follow-up replaces the earlier record, and a need with two deals counts once).
        """;

    public long Smes { get; init; }
    public long OpenNeeds { get; init; }
    public long ExpiredNeeds { get; init; }
    public decimal RequestedInvestmentUsd { get; init; }
    public long Partners { get; init; }
    public long PendingProfiles { get; init; }
    public long RejectedProfiles { get; init; }
    public long MatchesTotal { get; init; }
    public IReadOnlyDictionary<string, long> Matches { get; init; } = new Dictionary<string, long>();
    public decimal InvestmentInMutualOrLaterUsd { get; init; }
    public long JobsInMutualOrLater { get; init; }
    public long MatchedNeeds { get; init; }
    public long ExportOrientedMatchedNeeds { get; init; }
    public double? ExportOrientedShareOfMatchedNeeds { get; init; }
    public long Agreements { get; init; }
    public double? MedianDaysToAgreement { get; init; }
    public decimal RealisedInvestmentUsd { get; init; }
    public long JobsCreated { get; init; }
    public long YouthJobsCreated { get; init; }

    internal static ReportMeasures From(MeasureStatusRow row, IEnumerable<StatusCount> statuses, IReadOnlyList<AgreementTimes> agreements)
    {
        var counts = statuses.ToDictionary(s => s.Status, s => s.Matches, StringComparer.Ordinal);
        var byStatus = MatchStatus.All.ToDictionary(s => s, s => counts.GetValueOrDefault(s), StringComparer.Ordinal);
        return new ReportMeasures
        {
            Smes = row.Smes,
            OpenNeeds = row.OpenNeeds,
            ExpiredNeeds = row.ExpiredNeeds,
            RequestedInvestmentUsd = Usd(row.RequestedInvestmentUsd),
            Partners = row.Partners,
            PendingProfiles = row.PendingProfiles,
            RejectedProfiles = row.RejectedProfiles,
            MatchesTotal = byStatus.Values.Sum(),
            Matches = byStatus,
            InvestmentInMutualOrLaterUsd = Usd(row.InvestmentInMutualOrLaterUsd),
            JobsInMutualOrLater = row.JobsInMutualOrLater,
            MatchedNeeds = row.MatchedNeeds,
            ExportOrientedMatchedNeeds = row.ExportOrientedMatchedNeeds,
            ExportOrientedShareOfMatchedNeeds = row.MatchedNeeds == 0 ? null : Math.Round((double)row.ExportOrientedMatchedNeeds / row.MatchedNeeds, 4),
            Agreements = agreements.Count,
            MedianDaysToAgreement = MedianDays(agreements),
            RealisedInvestmentUsd = Usd(row.RealisedInvestmentUsd),
            JobsCreated = row.JobsCreated,
            YouthJobsCreated = row.YouthJobsCreated,
        };
    }

    internal static double? MedianDays(IReadOnlyList<AgreementTimes> agreements)
    {
        if (agreements.Count == 0)
            return null;
        var days = agreements.Select(a => (a.AgreedAt - a.CreatedAt).TotalDays).Order().ToList();
        var middle = days.Count / 2;
        var median = days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2;
        return Math.Round(median, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>SQLite sums NUMERIC cents as floating point; money leaves the API in whole cents.</summary>
    internal static decimal Usd(decimal sum) => Math.Round(sum, 2, MidpointRounding.AwayFromZero);
}

public sealed record ReportRows<T>(IReadOnlyList<T> Items);

/// <summary>One row of <see cref="ReportQueries.Measures"/>: a key's measures and one of its status counts.</summary>
internal sealed record MeasureStatusRow
{
    public string Code { get; init; } = "";
    public long Smes { get; init; }
    public long OpenNeeds { get; init; }
    public long ExpiredNeeds { get; init; }
    public decimal RequestedInvestmentUsd { get; init; }
    public long Partners { get; init; }
    public long PendingProfiles { get; init; }
    public long RejectedProfiles { get; init; }
    public decimal InvestmentInMutualOrLaterUsd { get; init; }
    public long JobsInMutualOrLater { get; init; }
    public long MatchedNeeds { get; init; }
    public long ExportOrientedMatchedNeeds { get; init; }
    public decimal RealisedInvestmentUsd { get; init; }
    public long JobsCreated { get; init; }
    public long YouthJobsCreated { get; init; }
    public string? Status { get; init; }
    public long Matches { get; init; }
}

/// <summary>One match of a key that reached agreement: when it was created and when it reached agreement.</summary>
internal sealed record AgreementTimes
{
    public string Code { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime AgreedAt { get; init; }
}

internal sealed record StatusCount
{
    public string Status { get; init; } = "";
    public long Matches { get; init; }
}

/// <summary>
/// The query behind the summary and the grouped reports, after a report's keys and
/// <see cref="ReportConditions.Relations"/> (or <see cref="ReportConditions.CityRelations"/>): one row per key and status with a match (one row with no status
/// for a key without any), each carrying the key's measures, so the matches are read once.
/// </summary>
internal static class ReportQueries
{
    public const string Measures = """
        SELECT k.code AS Code, COALESCE(sm.smes, 0) AS Smes, COALESCE(nd.needs, 0) AS OpenNeeds, COALESCE(nd.expired, 0) AS ExpiredNeeds,
               COALESCE(nd.usd, 0) AS RequestedInvestmentUsd,
               COALESCE(pt.partners, 0) AS Partners,
               COALESCE(sm.pending, 0) + COALESCE(pt.pending, 0) AS PendingProfiles, COALESCE(sm.rejected, 0) + COALESCE(pt.rejected, 0) AS RejectedProfiles,
               COALESCE(dl.usd, 0) AS InvestmentInMutualOrLaterUsd, COALESCE(dl.jobs, 0) AS JobsInMutualOrLater,
               COALESCE(mn.needs, 0) AS MatchedNeeds, COALESCE(mn.export_needs, 0) AS ExportOrientedMatchedNeeds,
               COALESCE(oc.usd, 0) AS RealisedInvestmentUsd, COALESCE(oc.jobs, 0) AS JobsCreated, COALESCE(oc.youth, 0) AS YouthJobsCreated,
               st.status AS Status, COALESCE(st.matches, 0) AS Matches
        FROM k
        LEFT JOIN (
          SELECT x.code AS code, SUM(CASE WHEN
        """ + ReportConditions.ListedSme + """
                 THEN 1 ELSE 0 END) AS smes,
                 SUM(CASE WHEN s.verification = 'pending' THEN 1 ELSE 0 END) AS pending,
                 SUM(CASE WHEN s.verification = 'rejected' THEN 1 ELSE 0 END) AS rejected
          FROM key_smes x JOIN smes s ON s.id = x.sme_id
          GROUP BY x.code
        ) sm ON sm.code = k.code
        LEFT JOIN (
          SELECT x.code AS code, SUM(CASE WHEN
        """ + Needs.NeedStatus.OpenAtNow + """
                 THEN 1 ELSE 0 END) AS needs,
                 SUM(CASE WHEN
        """ + Needs.NeedStatus.OpenAtNow + """
                 THEN n.amount_usd ELSE 0 END) AS usd,
                 SUM(CASE WHEN
        """ + Needs.NeedStatus.OpenAtNow + """
                 THEN 0 ELSE 1 END) AS expired
          FROM key_needs x JOIN needs n ON n.id = x.need_id
          WHERE n.status = 'open' AND (@From IS NULL OR n.created_at >= @From) AND (@To IS NULL OR n.created_at < @To) AND
        """ + ReportConditions.ListedNeed + """
          GROUP BY x.code
        ) nd ON nd.code = k.code
        LEFT JOIN (
          SELECT x.code AS code, SUM(CASE WHEN
        """ + ReportConditions.ListedPartner + """
                 THEN 1 ELSE 0 END) AS partners,
                 SUM(CASE WHEN p.verification = 'pending' THEN 1 ELSE 0 END) AS pending,
                 SUM(CASE WHEN p.verification = 'rejected' THEN 1 ELSE 0 END) AS rejected
          FROM key_partners x JOIN partners p ON p.id = x.partner_id
          GROUP BY x.code
        ) pt ON pt.code = k.code
        LEFT JOIN (
          SELECT x.code AS code, SUM(n.amount_usd) AS usd, SUM(n.jobs_to_create) AS jobs
          FROM (SELECT DISTINCT d.code AS code, d.need_id AS need_id FROM key_deals d) x JOIN needs n ON n.id = x.need_id
          GROUP BY x.code
        ) dl ON dl.code = k.code
        LEFT JOIN (
          SELECT x.code AS code, COUNT(*) AS needs, SUM(CASE WHEN s.export_oriented = 1 THEN 1 ELSE 0 END) AS export_needs
          FROM key_matched_needs x JOIN needs n ON n.id = x.need_id JOIN smes s ON s.id = n.sme_id
          GROUP BY x.code
        ) mn ON mn.code = k.code
        LEFT JOIN (
          SELECT x.code AS code, SUM(x.usd) AS usd, SUM(x.jobs) AS jobs, SUM(x.youth) AS youth FROM key_outcomes x GROUP BY x.code
        ) oc ON oc.code = k.code
        LEFT JOIN key_status st ON st.code = k.code
        ORDER BY k.code
        """;

    /// <summary>The matches behind <c>agreements</c> and <c>medianDaysToAgreement</c>, after the same keys and relations.</summary>
    public const string Agreements = "SELECT x.code AS Code, x.created_at AS CreatedAt, x.agreed_at AS AgreedAt FROM key_agreements x";

    /// <param name="sql">The report's keys and relations followed by <see cref="Measures"/>.</param>
    /// <param name="agreementsSql">The same keys and relations followed by <see cref="Agreements"/>.</param>
    public static async Task<IReadOnlyList<(string Code, ReportMeasures Measures)>> ReadAsync(
        DbConnection connection, string sql, string agreementsSql, ReportParameters parameters, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<MeasureStatusRow>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        var agreements = (await connection.QueryAsync<AgreementTimes>(new CommandDefinition(agreementsSql, parameters, cancellationToken: ct)))
            .ToLookup(a => a.Code, StringComparer.Ordinal);
        return rows.GroupBy(r => r.Code, StringComparer.Ordinal)
            .Select(g => (g.Key, ReportMeasures.From(g.First(), g.Where(r => r.Status is not null).Select(r => new StatusCount { Status = r.Status!, Matches = r.Matches }),
                agreements[g.Key].ToList())))
            .ToList();
    }
}
