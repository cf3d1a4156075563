using System.Globalization;
using System.Text.Json.Nodes;
using CsvHelper;
using Matchmaker.Tests.Features.Matching.Scoring;

namespace Matchmaker.Tests.Features.Reports;

/// <summary>The export's need columns (status, effective sectors, the amount as given) and its <c>status</c> filter.</summary>
public abstract class MatchExportTests<TApi>(TApi api) where TApi : ApiFixture
{
    private static readonly string[] NewColumns = ["needStatus", "needSectors", "needAmount", "needCurrency"];

    private Task<ReportWorld> WorldAsync() => api.SharedAsync(ReportWorld.CreateAsync);

    [Fact]
    public async Task Each_row_carries_its_needs_status_now_and_the_sectors_matching_uses()
    {
        var world = await WorldAsync();

        var rows = (await ExportAsync(world.Agency, "")).ToDictionary(r => Guid.Parse(r["matchId"]!.GetValue<string>()));

        Assert.Equal("open", rows[world.M1]["needStatus"]!.GetValue<string>());
        Assert.Equal("closed", rows[world.M3]["needStatus"]!.GetValue<string>());
        Assert.Equal(["C28"], rows[world.M1]["needSectors"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["C29"], rows[world.M2]["needSectors"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["C28"], rows[world.M2]["smeSectors"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(500_000m, rows[world.M1]["needAmount"]!.GetValue<decimal>());
        Assert.Equal("USD", rows[world.M1]["needCurrency"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_need_in_another_currency_shows_its_amount_as_given_beside_the_usd_amount_in_json_and_csv()
    {
        var world = await WorldAsync();
        var (owner, smeId) = await Create.SmeAccountAsync(api, RescoreOnWriteTests<TApi>.WorkedExampleSmeBody());
        var body = RescoreOnWriteTests<TApi>.WorkedExampleNeedBody();
        body["amount"] = new JsonObject { ["amount"] = 40_000_000, ["currency"] = "KGS" };
        var needId = (await Create.NeedAsync(owner, smeId, body)).ToString();
        await Create.PartnerAccountAsync(api, RescoreOnWriteTests<TApi>.WorkedExamplePartnerBody());
        var need = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/needs/{needId}"), 200);

        var json = (await ExportAsync(world.Agency, "")).Where(r => r["needId"]!.GetValue<string>() == needId).ToList();
        var csv = (await CsvAsync(world.Agency, "")).Where(r => r["needId"] == needId).ToList();

        Assert.NotEmpty(json);
        Assert.Equal(json.Count, csv.Count);
        Assert.All(json, r =>
        {
            Assert.Equal(40_000_000m, r["needAmount"]!.GetValue<decimal>());
            Assert.Equal("KGS", r["needCurrency"]!.GetValue<string>());
            Assert.Equal(need["amountUsd"]!.GetValue<decimal>(), r["needAmountUsd"]!.GetValue<decimal>());
        });
        Assert.All(csv, r =>
        {
            Assert.Equal(40_000_000m, decimal.Parse(r["needAmount"], CultureInfo.InvariantCulture));
            Assert.Equal("KGS", r["needCurrency"]);
            Assert.Equal("open", r["needStatus"]);
            Assert.Equal("C28", r["needSectors"]);
        });
    }

    [Fact]
    public async Task The_csv_header_names_the_new_need_columns()
    {
        var world = await WorldAsync();

        var header = (await CsvAsync(world.Agency, "")).First().Keys;

        Assert.All(NewColumns, c => Assert.Contains(c, header));
    }

    [Theory]
    [InlineData("mutual")]
    [InlineData("meeting,agreement")]
    [InlineData("declined,suggested,mutual")]
    [InlineData("closed")]
    [InlineData("agreement,agreement")]
    public async Task The_status_filter_keeps_exactly_the_matches_in_those_statuses_in_json_and_csv(string statuses)
    {
        var world = await WorldAsync();
        var wanted = statuses.Split(',');
        var all = await ExportAsync(world.Agency, "");

        var json = await ExportAsync(world.Agency, $"?status={statuses}");
        var csv = await CsvAsync(world.Agency, $"?status={statuses}");

        var expected = all.Where(r => wanted.Contains(r["status"]!.GetValue<string>())).Select(r => r["matchId"]!.GetValue<string>()).ToList();
        Assert.Equal(expected, json.Select(r => r["matchId"]!.GetValue<string>()));
        Assert.Equal(expected, csv.Select(r => r["matchId"]));
    }

    [Fact]
    public async Task The_status_filter_combines_with_the_report_filters()
    {
        var world = await WorldAsync();

        var rows = await ExportAsync(world.Agency, "?status=mutual,declined&region=KG-Y");

        Assert.Equal([world.M3, world.M4], rows.Select(r => Guid.Parse(r["matchId"]!.GetValue<string>())));
    }

    [Theory]
    [InlineData("?status=won")]
    [InlineData("?status=mutual,Mutual")]
    [InlineData("?status=mutual,&format=csv")]
    public async Task An_unknown_status_is_a_400_naming_status(string query)
    {
        var world = await WorldAsync();

        await Expect.ProblemAsync(await world.Agency.Client.GetAsync("/api/v1/reports/matches" + query), 400, "status");
    }

    private static Task<List<JsonObject>> ExportAsync(Actor agency, string query) =>
        Paging.AllAsync(agency.Client, "/api/v1/reports/matches" + query, 100);

    private static async Task<List<Dictionary<string, string>>> CsvAsync(Actor agency, string query)
    {
        var url = "/api/v1/reports/matches" + (query.Length == 0 ? "?format=csv" : query + "&format=csv");
        var response = await agency.Client.GetAsync(url);
        Assert.Equal(200, (int)response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), System.Text.Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        Assert.True(await csv.ReadAsync());
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (await csv.ReadAsync())
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!));
        return rows;
    }
}

public sealed class MatchExportTestsOnSqlite(SqliteApi api) : MatchExportTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class MatchExportTestsOnSqlServer : MatchExportTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public MatchExportTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
