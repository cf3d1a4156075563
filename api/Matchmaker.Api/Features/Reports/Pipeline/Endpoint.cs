using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Reports.Pipeline;

public sealed record PipelineResponse(IReadOnlyList<StatusRow> Statuses, IReadOnlyList<StageRow> Stages, long MatchesTotal, long Declined);

/// <summary>How many matches are at <paramref name="Status"/> now.</summary>
public sealed record StatusRow(string Status, long Matches);

/// <summary>How many matches ever reached <paramref name="Stage"/> or a later one, and the share of the previous stage's that did.</summary>
public sealed record StageRow(string Stage, long Reached, double? ConversionFromPrevious);

internal sealed record ReachedRow
{
    public long Rank { get; init; }
    public long Matches { get; init; }
}

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Vetting vetting) : Endpoint<ReportQuery, PipelineResponse>
{
    private const string StatusSql = ReportConditions.Open + ReportConditions.SummaryKeys + ReportConditions.Relations
        + "SELECT x.status AS Status, x.matches AS Matches FROM key_status x";

    /// <summary>The rank of <c>x.status</c> in <see cref="StageNames"/>, from 1; declined ranks as suggested.</summary>
    private const string Rank = """
         CASE x.status WHEN 'sme_interested' THEN 2 WHEN 'partner_interested' THEN 2 WHEN 'mutual' THEN 3 WHEN 'meeting' THEN 4
                       WHEN 'negotiation' THEN 5 WHEN 'agreement' THEN 6 WHEN 'closed' THEN 7 ELSE 1 END

        """;

    // Every match counts at the rank of its status; a match whose event history went further (a declined one
    // keeps the furthest stage it reached) moves up to that rank. Only matches with events can move, so the
    // million suggestions are counted per status and never read one by one.
    private const string ReachedSql = ReportConditions.Open + ReportConditions.SummaryKeys + ReportConditions.Relations + """
        , furthest AS (
          SELECT x.match_id AS match_id, MAX(
        """ + Rank + """
        ) AS rnk
          FROM (SELECT e.match_id AS match_id, e.to_status AS status FROM match_events e) x
          GROUP BY x.match_id
        ),
        moved AS (
          SELECT f.rnk AS furthest, m.status AS status
          FROM furthest f JOIN matches m ON m.id = f.match_id
          JOIN key_needs kn ON kn.need_id = m.need_id JOIN partners p ON p.id = m.partner_id
          WHERE (kn.city IS NULL OR p.city_code = kn.city)
            AND (@From IS NULL OR m.created_at >= @From) AND (@To IS NULL OR m.created_at < @To)
        )
        SELECT
        """ + Rank + """
        AS Rank, SUM(x.matches) AS Matches FROM key_matches x GROUP BY x.status
        UNION ALL
        SELECT x.furthest, COUNT(*) FROM moved x WHERE x.furthest >
        """ + Rank + """
        GROUP BY x.furthest
        UNION ALL
        SELECT
        """ + Rank + """
        , -COUNT(*) FROM moved x WHERE x.furthest >
        """ + Rank + """
        GROUP BY x.status
        """;

    public static readonly string[] StageNames = ["suggested", "interest", MatchStatus.Mutual, MatchStatus.Meeting, MatchStatus.Negotiation, MatchStatus.Agreement, MatchStatus.Closed];

    public override void Configure()
    {
        Get("/reports/pipeline");
        Description(b => b.WithName("getReportPipeline"));
        Roles(AppRoles.Agency, AppRoles.Admin);
        Summary(s =>
        {
            s.Summary = "How far matches got: counts per status in stage order and conversion between stages";
            s.Description = "Agency and admin. `statuses`: matches currently at each status, in stage order (suggested, sme_interested, partner_interested, mutual, meeting, negotiation, agreement, closed, declined), every status present. `stages`: the funnel suggested → interest (either side interested) → mutual → meeting → negotiation → agreement → closed; `reached` counts the matches that reached the stage or a later one at any time (a declined match counts up to the furthest stage in its history, a match that skipped a stage counts for it), and `conversionFromPrevious` is reached ÷ the previous stage's reached (null for the first stage or when the previous is 0). `matchesTotal` all matches, `declined` those declined now. " + ReportFilter.Description;
            s.ResponseExamples[200] = ReportExamples.Pipeline;
        });
    }

    public override async Task HandleAsync(ReportQuery req, CancellationToken ct)
    {
        var parameters = req.Parameters(clock.GetUtcNow().UtcDateTime, vetting);
        await using var connection = await db.OpenReadOnlyAsync(ct);
        var counts = (await connection.QueryAsync<StatusCount>(new CommandDefinition(StatusSql, parameters, cancellationToken: ct)))
            .ToDictionary(c => c.Status, c => c.Matches, StringComparer.Ordinal);
        var reached = (await connection.QueryAsync<ReachedRow>(new CommandDefinition(ReachedSql, parameters, cancellationToken: ct)))
            .GroupBy(r => r.Rank).ToDictionary(g => g.Key, g => g.Sum(r => r.Matches));

        var stages = new List<StageRow>();
        long? previous = null;
        for (var rank = 1; rank <= StageNames.Length; rank++)
        {
            var atOrBeyond = reached.Where(r => r.Key >= rank).Sum(r => r.Value);
            stages.Add(new StageRow(StageNames[rank - 1], atOrBeyond, previous is > 0 ? Math.Round((double)atOrBeyond / previous.Value, 4) : null));
            previous = atOrBeyond;
        }

        var statuses = MatchStatus.All.Select(s => new StatusRow(s, counts.GetValueOrDefault(s))).ToList();
        await Send.OkAsync(new PipelineResponse(statuses, stages, statuses.Sum(s => s.Matches), counts.GetValueOrDefault(MatchStatus.Declined)), ct);
    }
}
