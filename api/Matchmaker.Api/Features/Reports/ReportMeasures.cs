using Matchmaker.Api.Features.Matching.Deals;

namespace Matchmaker.Api.Features.Reports;

/// <summary>The measures of the summary; the grouped reports carry them per row.</summary>
public record ReportMeasures
{
    public const string Description = """
        Measures: `smes` SME profiles; `openNeeds` needs currently open; `requestedInvestmentUsd` sum of the USD amounts of those open needs; `partners` partner profiles; `matches` number of matches by current status (every status present, 0 when none) and `matchesTotal` their sum; `investmentInMutualOrLaterUsd` sum of the need's USD amount over matches at mutual, meeting, negotiation, agreement or closed (a need with two such matches counts twice); `jobsInMutualOrLater` sum of the need's jobsToCreate over the same matches; `matchedNeeds` distinct needs with at least one match (any status), `exportOrientedMatchedNeeds` those whose SME is export-oriented, and `exportOrientedShareOfMatchedNeeds` their ratio (0–1, null when there are no matched needs).
        """;

    public long Smes { get; init; }
    public long OpenNeeds { get; init; }
    public decimal RequestedInvestmentUsd { get; init; }
    public long Partners { get; init; }
    public long MatchesTotal { get; init; }
    public IReadOnlyDictionary<string, long> Matches { get; init; } = new Dictionary<string, long>();
    public decimal InvestmentInMutualOrLaterUsd { get; init; }
    public long JobsInMutualOrLater { get; init; }
    public long MatchedNeeds { get; init; }
    public long ExportOrientedMatchedNeeds { get; init; }
    public double? ExportOrientedShareOfMatchedNeeds { get; init; }

    internal static ReportMeasures From(MeasureRow row, IEnumerable<StatusCount> statuses)
    {
        var counts = statuses.ToDictionary(s => s.Status, s => s.Matches, StringComparer.Ordinal);
        var byStatus = MatchStatus.All.ToDictionary(s => s, s => counts.GetValueOrDefault(s), StringComparer.Ordinal);
        return new ReportMeasures
        {
            Smes = row.Smes,
            OpenNeeds = row.OpenNeeds,
            RequestedInvestmentUsd = Usd(row.RequestedInvestmentUsd),
            Partners = row.Partners,
            MatchesTotal = byStatus.Values.Sum(),
            Matches = byStatus,
            InvestmentInMutualOrLaterUsd = Usd(row.InvestmentInMutualOrLaterUsd),
            JobsInMutualOrLater = row.JobsInMutualOrLater,
            MatchedNeeds = row.MatchedNeeds,
            ExportOrientedMatchedNeeds = row.ExportOrientedMatchedNeeds,
            ExportOrientedShareOfMatchedNeeds = row.MatchedNeeds == 0 ? null : Math.Round((double)row.ExportOrientedMatchedNeeds / row.MatchedNeeds, 4),
        };
    }

    /// <summary>SQLite sums NUMERIC cents as floating point; money leaves the API in whole cents.</summary>
    internal static decimal Usd(decimal sum) => Math.Round(sum, 2, MidpointRounding.AwayFromZero);
}

public sealed record ReportRows<T>(IReadOnlyList<T> Items);

internal sealed record MeasureRow
{
    public string Code { get; init; } = "";
    public long Smes { get; init; }
    public long OpenNeeds { get; init; }
    public decimal RequestedInvestmentUsd { get; init; }
    public long Partners { get; init; }
    public decimal InvestmentInMutualOrLaterUsd { get; init; }
    public long JobsInMutualOrLater { get; init; }
    public long MatchedNeeds { get; init; }
    public long ExportOrientedMatchedNeeds { get; init; }
}

internal sealed record StatusCount
{
    public string Code { get; init; } = "";
    public string Status { get; init; } = "";
    public long Matches { get; init; }
}

/// <summary>
/// The two queries behind the summary and the grouped reports. <c>Keys</c> is the derived table
/// <c>k</c> of <see cref="ReportConditions"/>: one row for the summary, one per region, city or sector.
/// </summary>
internal static class ReportQueries
{
    public const string Measures = """
         k.code AS Code,
          (SELECT COUNT(*) FROM smes s WHERE
        """ + ReportConditions.Sme + """
        ) AS Smes,
          (SELECT COUNT(*) FROM needs n JOIN smes s ON s.id = n.sme_id WHERE n.status = 'open' AND
        """ + ReportConditions.Need + """
        ) AS OpenNeeds,
          (SELECT COALESCE(SUM(n.amount_usd), 0) FROM needs n JOIN smes s ON s.id = n.sme_id WHERE n.status = 'open' AND
        """ + ReportConditions.Need + """
        ) AS RequestedInvestmentUsd,
          (SELECT COUNT(*) FROM partners p WHERE
        """ + ReportConditions.Partner + """
        ) AS Partners,
          (SELECT COALESCE(SUM(n.amount_usd), 0) FROM
        """ + ReportConditions.MatchJoins + " WHERE " + ReportConditions.MutualOrLater + " AND " + ReportConditions.Match + """
        ) AS InvestmentInMutualOrLaterUsd,
          (SELECT COALESCE(SUM(n.jobs_to_create), 0) FROM
        """ + ReportConditions.MatchJoins + " WHERE " + ReportConditions.MutualOrLater + " AND " + ReportConditions.Match + """
        ) AS JobsInMutualOrLater,
          (SELECT COUNT(DISTINCT n.id) FROM
        """ + ReportConditions.MatchJoins + " WHERE " + ReportConditions.Match + """
        ) AS MatchedNeeds,
          (SELECT COUNT(DISTINCT n.id) FROM
        """ + ReportConditions.MatchJoins + " WHERE s.export_oriented = 1 AND " + ReportConditions.Match + """
        ) AS ExportOrientedMatchedNeeds

        """;

    public const string StatusSelect = """
        SELECT k.code AS Code, m.status AS Status, COUNT(*) AS Matches
        FROM
        """;

    public const string StatusWhere = " CROSS JOIN " + ReportConditions.MatchJoins + " WHERE " + ReportConditions.Match + " GROUP BY k.code, m.status ";

    public static async Task<IReadOnlyList<(string Code, ReportMeasures Measures)>> ReadAsync(
        DbConnection connection, string measuresSql, string statusSql, ReportParameters parameters, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<MeasureRow>(new CommandDefinition(measuresSql, parameters, cancellationToken: ct));
        var statuses = (await connection.QueryAsync<StatusCount>(new CommandDefinition(statusSql, parameters, cancellationToken: ct)))
            .ToLookup(s => s.Code, StringComparer.Ordinal);
        return rows.Select(r => (r.Code, ReportMeasures.From(r, statuses[r.Code]))).ToList();
    }
}
