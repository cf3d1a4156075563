using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Reports.Summary;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Vetting vetting) : Endpoint<ReportQuery, ReportMeasures>
{
    private const string Sql = ReportConditions.Open + ReportConditions.SummaryKeys + ReportConditions.Relations + ReportQueries.Measures;

    private const string AgreementsSql = ReportConditions.Open + ReportConditions.SummaryKeys + ReportConditions.Relations + ReportQueries.Agreements;

    public override void Configure()
    {
        Get("/reports/summary");
        Description(b => b.WithName("getReportSummary"));
        Roles(AppRoles.Agency, AppRoles.Admin);
        Summary(s =>
        {
            s.Summary = "Programme totals: SMEs, open needs, partners, profiles awaiting vetting, matches by status, investment and jobs";
            s.Description = "Agency and admin. Read from the read replica when one is configured. " + ReportMeasures.Description + " " + ReportFilter.Description;
            s.ResponseExamples[200] = ReportExamples.Summary;
        });
    }

    public override async Task HandleAsync(ReportQuery req, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct);
        var rows = await ReportQueries.ReadAsync(connection, Sql, AgreementsSql, req.Parameters(clock.GetUtcNow().UtcDateTime, vetting), ct);
        await Send.OkAsync(rows.Single().Measures, ct);
    }
}
