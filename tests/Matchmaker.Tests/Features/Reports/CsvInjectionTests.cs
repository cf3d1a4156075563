using System.Globalization;
using CsvHelper;
using Matchmaker.Tests.Features.Matching.Scoring;

namespace Matchmaker.Tests.Features.Reports;

/// <summary>Text that a spreadsheet would run as a formula reaches the agency's CSV export escaped, not live.</summary>
public sealed class CsvInjectionTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example\",\"Open\")")]
    [InlineData("+SUM(1,2)")]
    [InlineData("-2+3")]
    [InlineData("@SUM(1)")]
    public async Task A_title_starting_a_formula_is_escaped_in_the_csv_and_kept_as_typed_in_json(string title)
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api, RescoreOnWriteTests<SqliteApi>.WorkedExampleSmeBody());
        var body = RescoreOnWriteTests<SqliteApi>.WorkedExampleNeedBody();
        body["title"] = title;
        var needId = await Create.NeedAsync(owner, smeId, body);
        await Create.PartnerAccountAsync(api, RescoreOnWriteTests<SqliteApi>.WorkedExamplePartnerBody());
        var agency = await api.UserAsync("agency");

        var json = await Expect.StatusAsync(await agency.Client.GetAsync("/api/v1/reports/matches?limit=100"), 200);
        var jsonTitles = json["items"]!.AsArray().Where(i => i!["needId"]!.GetValue<string>() == needId.ToString()).Select(i => i!["needTitle"]!.GetValue<string>()).ToList();
        var csvTitles = new List<string>();
        using (var reader = new StreamReader(await (await agency.Client.GetAsync("/api/v1/reports/matches?format=csv")).Content.ReadAsStreamAsync()))
        using (var csv = new CsvReader(reader, CultureInfo.InvariantCulture))
        {
            await csv.ReadAsync();
            csv.ReadHeader();
            while (await csv.ReadAsync())
                if (csv.GetField("needId") == needId.ToString())
                    csvTitles.Add(csv.GetField("needTitle")!);
        }

        Assert.NotEmpty(csvTitles);
        Assert.All(jsonTitles, t => Assert.Equal(title, t));
        Assert.All(csvTitles, t => Assert.Equal("'" + title, t));
    }
}
