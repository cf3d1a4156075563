using System.Text.Json.Serialization;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Reports.BySector;

public sealed record SectorRow : ReportMeasures
{
    internal SectorRow(string sector, ReportMeasures measures) : base(measures) => Sector = sector;

    [JsonPropertyOrder(-1)]
    public string Sector { get; init; }
}

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Vetting vetting) : Endpoint<ReportQuery, ReportRows<SectorRow>>
{
    private const string Keys = """
         SELECT sc.code AS code, @Region AS region, @City AS city, sc.code AS sector FROM sectors sc
         WHERE (@Sector IS NULL AND sc.level = 'section') OR sc.code = @Sector
        """;

    private const string Sql = ReportConditions.Open + Keys + ReportConditions.Relations + ReportQueries.Measures;

    private const string AgreementsSql = ReportConditions.Open + Keys + ReportConditions.Relations + ReportQueries.Agreements;

    public override void Configure()
    {
        Get("/reports/by-sector");
        Description(b => b.WithName("getReportBySector"));
        Roles(AppRoles.Agency, AppRoles.Admin);
        Summary(s =>
        {
            s.Summary = "The summary's measures per ISIC section that appears";
            s.Description = "Agency and admin. One row per ISIC section letter with at least one SME, need, partner, match, agreement or outcome in it; with `sector` set, one row for that section or division. Each row is the summary filtered by that sector: SMEs and partners by their own sectors, needs and matches by the need's effective sectors. Rows do not add up to the summary: an SME, partner or need with sectors in several sections appears in each. " + ReportMeasures.Description + " " + ReportFilter.Description;
            s.ResponseExamples[200] = ReportExamples.BySector;
        });
    }

    public override async Task HandleAsync(ReportQuery req, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct);
        var rows = await ReportQueries.ReadAsync(connection, Sql, AgreementsSql, req.Parameters(clock.GetUtcNow().UtcDateTime, vetting), ct);
        var items = rows
            .Where(r => r.Measures.Smes + r.Measures.OpenNeeds + r.Measures.ExpiredNeeds + r.Measures.Partners + r.Measures.MatchesTotal + r.Measures.MatchedNeeds
                + r.Measures.Agreements + r.Measures.JobsCreated > 0 || r.Measures.RealisedInvestmentUsd > 0)
            .Select(r => new SectorRow(r.Code, r.Measures))
            .ToList();
        await Send.OkAsync(new ReportRows<SectorRow>(items), ct);
    }
}
