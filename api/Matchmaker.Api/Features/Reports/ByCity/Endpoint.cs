using System.Text.Json.Serialization;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Reports.ByCity;

public sealed record CityRow : ReportMeasures
{
    internal CityRow(string city, ReportMeasures measures) : base(measures) => City = city;

    [JsonPropertyOrder(-1)]
    public string City { get; init; }
}

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Vetting vetting) : Endpoint<ReportQuery, ReportRows<CityRow>>
{
    private const string Keys = """
         SELECT c.code AS code, @Region AS region, c.code AS city, @Sector AS sector FROM cities c
         WHERE @City IS NULL OR c.code = @City
        """;

    private const string Sql = ReportConditions.Open + Keys + ReportConditions.CityRelations + ReportQueries.Measures;

    private const string AgreementsSql = ReportConditions.Open + Keys + ReportConditions.CityRelations + ReportQueries.Agreements;

    public override void Configure()
    {
        Get("/reports/by-city");
        Description(b => b.WithName("getReportByCity"));
        Roles(AppRoles.Agency, AppRoles.Admin);
        Summary(s =>
        {
            s.Summary = "How Shandong cities respond: the summary's measures per city (all sixteen, zeros included)";
            s.Description = "Agency and admin. One row per Shandong city (only the filtered one when `city` is given); each row is the summary filtered by that city: `partners` are the city's partners, `matches`, `agreements` and `medianDaysToAgreement` count their matches, the investment and jobs measures the needs of those matches (each once) and the latest outcome of each such need across its deals with the city's partners, and `smes`, `openNeeds`, `requestedInvestmentUsd` and the matched-need measures count the SMEs and needs that have a match with a partner of the city. Partners, matches and agreements add up to the summary across cities; the need-based measures do not, since a need can have matches and deals in several cities. " + ReportMeasures.Description + " " + ReportFilter.Description;
            s.ResponseExamples[200] = ReportExamples.ByCity;
        });
    }

    public override async Task HandleAsync(ReportQuery req, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct);
        var rows = await ReportQueries.ReadAsync(connection, Sql, AgreementsSql, req.Parameters(clock.GetUtcNow().UtcDateTime, vetting), ct);
        await Send.OkAsync(new ReportRows<CityRow>(rows.Select(r => new CityRow(r.Code, r.Measures)).ToList()), ct);
    }
}
