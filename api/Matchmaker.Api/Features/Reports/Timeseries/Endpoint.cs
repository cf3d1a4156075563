using System.Globalization;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Reports.Timeseries;

public sealed class Request : ReportFilter
{
    public string? Interval { get; set; }

    internal int MonthsPerBucket => Interval == "quarter" ? 3 : 1;
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new ReportFilterRules(Resolve<ReferenceCodes>()));
        RuleFor(x => x.Interval).Must(i => i is null or "month" or "quarter").WithMessage(_ => Messages.Get("Value.OneOf", "interval", "month, quarter"));
    }
}

public sealed record TimeseriesResponse(string Interval, IReadOnlyList<Bucket> Items);

/// <param name="Period">"2025-03" for a month, "2025-Q1" for a quarter.</param>
/// <param name="Start">The first instant of the period (UTC).</param>
public sealed record Bucket(string Period, DateTime Start, long NewSmes, long NewNeeds, long NewPartners, long NewMatches, decimal RequestedInvestmentUsd);

internal sealed record BucketRow
{
    public string Year { get; init; } = "";
    public long Month { get; init; }
    public long NewSmes { get; init; }
    public long NewNeeds { get; init; }
    public long NewPartners { get; init; }
    public long NewMatches { get; init; }
    public decimal RequestedInvestmentUsd { get; init; }
}

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Vetting vetting) : Endpoint<Request, TimeseriesResponse>
{
    // Both databases render a timestamp cast to char(19) as 'yyyy-MM-dd HH:mm:ss' (SQLite stores that text,
    // SQL Server's default style for datetime2 is 121), so the year and month are read from it with one SQL.
    // Matches are first counted per need and creation time, in the order of an index, and only those counts
    // are put into periods.
    private const string Sql = ReportConditions.Open + ReportConditions.SummaryKeys + ReportConditions.Relations + """
        , dated_matches AS (
          SELECT m.need_id AS need_id, m.created_at AS created_at, COUNT(*) AS matches
          FROM matches m
          WHERE (@From IS NULL OR m.created_at >= @From) AND (@To IS NULL OR m.created_at < @To)
            AND (@City IS NULL OR m.partner_id IN (SELECT p.id FROM partners p WHERE p.city_code = @City))
          GROUP BY m.need_id, m.status, m.created_at
        )
        SELECT b.yr AS Year, b.mo AS Month, SUM(b.smes) AS NewSmes, SUM(b.needs) AS NewNeeds, SUM(b.partners) AS NewPartners,
               SUM(b.matches) AS NewMatches, COALESCE(SUM(b.usd), 0) AS RequestedInvestmentUsd
        FROM (
          SELECT SUBSTRING(CAST(e.at AS char(19)), 1, 4) AS yr,
                 (CAST(SUBSTRING(CAST(e.at AS char(19)), 6, 2) AS int) - 1) / @MonthsPerBucket * @MonthsPerBucket + 1 AS mo,
                 e.smes AS smes, e.needs AS needs, e.partners AS partners, e.matches AS matches, e.usd AS usd
          FROM (
            SELECT s.created_at AS at, 1 AS smes, 0 AS needs, 0 AS partners, 0 AS matches, 0 AS usd
            FROM key_smes x JOIN smes s ON s.id = x.sme_id
            WHERE
        """ + ReportConditions.ListedSme + """
            UNION ALL
            SELECT n.created_at, 0, 1, 0, 0, n.amount_usd
            FROM key_needs x JOIN needs n ON n.id = x.need_id
            WHERE (@From IS NULL OR n.created_at >= @From) AND (@To IS NULL OR n.created_at < @To) AND
        """ + ReportConditions.ListedNeed + """
            UNION ALL
            SELECT p.created_at, 0, 0, 1, 0, 0
            FROM key_partners x JOIN partners p ON p.id = x.partner_id
            WHERE
        """ + ReportConditions.ListedPartner + """
            UNION ALL
            SELECT d.created_at, 0, 0, 0, d.matches, 0
            FROM key_needs x JOIN dated_matches d ON d.need_id = x.need_id
          ) e
        ) b
        GROUP BY b.yr, b.mo
        ORDER BY b.yr, b.mo
        """;

    public override void Configure()
    {
        Get("/reports/timeseries");
        Description(b => b.WithName("getReportTimeseries"));
        Roles(AppRoles.Agency, AppRoles.Admin);
        Summary(s =>
        {
            s.Summary = "New SMEs, needs, partners and matches per month or quarter";
            s.Description = "Agency and admin. `interval` is `month` (default) or `quarter`; periods are UTC calendar months or quarters, oldest first, from the first to the last period with any activity (empty periods in between included with zeros). Per period: `newSmes`, `newNeeds` (posted in the period, open or since closed), `newPartners`, `newMatches` (created in the period, whatever their status now), `requestedInvestmentUsd` (sum of the USD amounts of the needs posted in the period). While `Profiles:RequireVerification` is on (the default) the SMEs, needs and partners are those of verified profiles; matches count as stored. " + ReportFilter.Description;
            s.ResponseExamples[200] = ReportExamples.Timeseries;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var f = req.Parameters(clock.GetUtcNow().UtcDateTime, vetting);
        await using var connection = await db.OpenReadOnlyAsync(ct);
        var rows = (await connection.QueryAsync<BucketRow>(new CommandDefinition(Sql, new
        {
            f.From,
            f.To,
            f.Region,
            f.Sector,
            f.City,
            f.ListedOnly,
            req.MonthsPerBucket,
        }, cancellationToken: ct))).ToDictionary(r => Start(r.Year, r.Month));

        var items = new List<Bucket>();
        if (rows.Count > 0)
        {
            for (var start = rows.Keys.Min(); start <= rows.Keys.Max(); start = start.AddMonths(req.MonthsPerBucket))
            {
                var row = rows.GetValueOrDefault(start) ?? new BucketRow();
                items.Add(new Bucket(Period(start, req.MonthsPerBucket), start, row.NewSmes, row.NewNeeds, row.NewPartners, row.NewMatches, ReportMeasures.Usd(row.RequestedInvestmentUsd)));
            }
        }

        await Send.OkAsync(new TimeseriesResponse(req.Interval ?? "month", items), ct);
    }

    private static DateTime Start(string year, long month) =>
        new(int.Parse(year, CultureInfo.InvariantCulture), (int)month, 1, 0, 0, 0, DateTimeKind.Utc);

    private static string Period(DateTime start, int monthsPerBucket) => monthsPerBucket == 3
        ? $"{start.Year:D4}-Q{(start.Month - 1) / 3 + 1}"
        : start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
