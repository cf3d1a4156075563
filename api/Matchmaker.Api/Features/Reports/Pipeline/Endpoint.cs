using Matchmaker.Api.Features.Matching.Deals;

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

internal sealed class Endpoint(ConnectionFactory db) : Endpoint<ReportQuery, PipelineResponse>
{
    private const string StatusSql = ReportQueries.StatusSelect + ReportConditions.SummaryKeys + ReportQueries.StatusWhere;

    // A declined match keeps the furthest stage it reached in its event history, so the funnel
    // takes the highest rank over the current status and every status the match moved to.
    private const string ReachedSql = """
        SELECT x.rnk AS Rank, COUNT(*) AS Matches
        FROM (
          SELECT m.id AS id, MAX(CASE st.status
                   WHEN 'sme_interested' THEN 2 WHEN 'partner_interested' THEN 2 WHEN 'mutual' THEN 3 WHEN 'meeting' THEN 4
                   WHEN 'negotiation' THEN 5 WHEN 'agreement' THEN 6 WHEN 'closed' THEN 7 ELSE 1 END) AS rnk
          FROM
        """ + ReportConditions.SummaryKeys + " CROSS JOIN " + ReportConditions.MatchJoins + """
          JOIN (SELECT e.match_id AS match_id, e.to_status AS status FROM match_events e
                UNION ALL SELECT sm.id, sm.status FROM matches sm) st ON st.match_id = m.id
          WHERE
        """ + ReportConditions.Match + """
          GROUP BY m.id
        ) x
        GROUP BY x.rnk
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
        var parameters = req.Parameters();
        await using var connection = await db.OpenReadOnlyAsync(ct);
        var counts = (await connection.QueryAsync<StatusCount>(new CommandDefinition(StatusSql, parameters, cancellationToken: ct)))
            .ToDictionary(c => c.Status, c => c.Matches, StringComparer.Ordinal);
        var reached = (await connection.QueryAsync<ReachedRow>(new CommandDefinition(ReachedSql, parameters, cancellationToken: ct)))
            .ToDictionary(r => r.Rank, r => r.Matches);

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
