using System.Text.Json.Serialization;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Reports.ByRegion;

public sealed record RegionRow : ReportMeasures
{
    internal RegionRow(string region, ReportMeasures measures) : base(measures) => Region = region;

    [JsonPropertyOrder(-1)]
    public string Region { get; init; }
}

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Vetting vetting) : Endpoint<ReportQuery, ReportRows<RegionRow>>
{
    private const string Keys = """
         SELECT r.code AS code, r.code AS region, @City AS city, @Sector AS sector FROM regions r
         WHERE @Region IS NULL OR r.code = @Region
        """;

    private const string Sql = ReportConditions.Open + Keys + ReportConditions.Relations + ReportQueries.Measures;

    private const string AgreementsSql = ReportConditions.Open + Keys + ReportConditions.Relations + ReportQueries.Agreements;

    public override void Configure()
    {
        Get("/reports/by-region");
        Description(b => b.WithName("getReportByRegion"));
        Roles(AppRoles.Agency, AppRoles.Admin);
        Summary(s =>
        {
            s.Summary = "The summary's measures per Kyrgyz region (all nine, zeros included)";
            s.Description = "Agency and admin. One row per region (only the filtered one when `region` is given); each row is the summary filtered by that region, so the SME-side measures add up to the summary: smes, openNeeds, requestedInvestmentUsd, matches (each status) and matchesTotal, investmentInMutualOrLaterUsd, jobsInMutualOrLater, matchedNeeds, exportOrientedMatchedNeeds, agreements, realisedInvestmentUsd, jobsCreated and youthJobsCreated. Three do not: `partners` counts the partners with a match in the region (a partner can be in several rows, and partners without any match in none), and `exportOrientedShareOfMatchedNeeds` and `medianDaysToAgreement` are the row's own (the summary's ratio is the ratio of the sums, its median the median of all agreements). " + ReportMeasures.Description + " " + ReportFilter.Description;
            s.ResponseExamples[200] = ReportExamples.ByRegion;
        });
    }

    public override async Task HandleAsync(ReportQuery req, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct);
        var rows = await ReportQueries.ReadAsync(connection, Sql, AgreementsSql, req.Parameters(clock.GetUtcNow().UtcDateTime, vetting), ct);
        await Send.OkAsync(new ReportRows<RegionRow>(rows.Select(r => new RegionRow(r.Code, r.Measures)).ToList()), ct);
    }
}
