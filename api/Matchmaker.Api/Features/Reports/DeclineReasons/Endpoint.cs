using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Verification;
using Reasons = Matchmaker.Api.Features.Matching.Decline.DeclineReasons;

namespace Matchmaker.Api.Features.Reports.DeclineReasons;

/// <summary>How many declines gave <paramref name="ReasonCode"/>, by the side that declined.</summary>
public sealed record DeclineReasonRow(string ReasonCode, string Side, long Count);

internal sealed record DeclineCount
{
    public string ReasonCode { get; init; } = "";
    public string Side { get; init; } = "";
    public long Declines { get; init; }
}

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Vetting vetting) : Endpoint<ReportQuery, ReportRows<DeclineReasonRow>>
{
    public static readonly string[] Sides = [MatchSide.Sme, MatchSide.Partner];

    // A decline counts where its match would: on a need of the filtered SMEs and sectors, with a partner of the
    // filtered city; the period applies to the time of the decline.
    private const string CountsSql = ReportConditions.Open + ReportConditions.SummaryKeys + ReportConditions.Relations + """
        SELECT COALESCE(e.reason_code, 'unspecified') AS ReasonCode, e.actor_role AS Side, COUNT(*) AS Declines
        FROM match_events e
        JOIN matches m ON m.id = e.match_id
        JOIN key_needs kn ON kn.need_id = m.need_id
        JOIN partners p ON p.id = m.partner_id
        WHERE e.action = 'decline' AND (kn.city IS NULL OR p.city_code = kn.city)
          AND (@From IS NULL OR e.created_at >= @From) AND (@To IS NULL OR e.created_at < @To)
        GROUP BY COALESCE(e.reason_code, 'unspecified'), e.actor_role
        """;

    public override void Configure()
    {
        Get("/reports/decline-reasons");
        Description(b => b.WithName("getReportDeclineReasons"));
        Roles(AppRoles.Agency, AppRoles.Admin);
        Summary(s =>
        {
            s.Summary = "Why matches are declined: declines by reason code and by the side that declined";
            s.Description = "Agency and admin. One row per reason code (`sector_mismatch`, `amount_too_small`, `amount_too_large`, `need_type`, `region`, `timing`, `found_partner`, `not_credible`, `other`, and `unspecified` for a decline without a code) and side (`sme`, `partner`), zeros included, in that order. `from` and `to` apply to the time of the decline; `region`, `sector` and `city` keep the declines of the matches the other reports count for them. " + ReportFilter.Description;
            s.ResponseExamples[200] = ReportExamples.DeclineReasons;
        });
    }

    public override async Task HandleAsync(ReportQuery req, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct);
        var counts = (await connection.QueryAsync<DeclineCount>(new CommandDefinition(CountsSql, req.Parameters(clock.GetUtcNow().UtcDateTime, vetting), cancellationToken: ct)))
            .ToDictionary(c => (c.ReasonCode, c.Side), c => c.Declines);
        var rows = Reasons.Reported.SelectMany(code => Sides.Select(side => new DeclineReasonRow(code, side, counts.GetValueOrDefault((code, side))))).ToList();
        await Send.OkAsync(new ReportRows<DeclineReasonRow>(rows), ct);
    }
}
