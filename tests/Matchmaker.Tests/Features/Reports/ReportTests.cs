using System.Globalization;
using System.Text.Json.Nodes;
using CsvHelper;

namespace Matchmaker.Tests.Features.Reports;

/// <summary>Every report number checked against a count worked out by hand on <see cref="ReportWorld"/>.</summary>
public abstract class ReportTests<TApi>(TApi api) where TApi : ApiFixture
{
    private static readonly string[] Statuses =
        ["suggested", "sme_interested", "partner_interested", "mutual", "meeting", "negotiation", "agreement", "closed", "declined"];

    // Measures worked out by hand from the table in ReportWorld.
    private static readonly Expected Everything = new(3, 3, 950_000m, 2, Matches(("mutual", 1), ("meeting", 1), ("agreement", 1), ("declined", 1)), 950_000m, 55, 4, 3, 0.75);
    private static readonly Expected RegionC = new(1, 2, 800_000m, 1, Matches(("agreement", 1), ("meeting", 1)), 800_000m, 50, 2, 2, 1.0);
    private static readonly Expected RegionY = new(2, 1, 150_000m, 2, Matches(("declined", 1), ("mutual", 1)), 150_000m, 5, 2, 1, 0.5);
    private static readonly Expected Qingdao = new(2, 2, 800_000m, 1, Matches(("agreement", 1), ("meeting", 1), ("declined", 1)), 800_000m, 50, 3, 2, 0.6667);
    private static readonly Expected Weifang = new(1, 1, 150_000m, 1, Matches(("mutual", 1)), 150_000m, 5, 1, 1, 1.0);
    private static readonly Expected SectionC = Qingdao;
    private static readonly Expected SectionA = Weifang;
    private static readonly Expected Nothing = new(0, 0, 0m, 0, Matches(), 0m, 0, 0, 0, null);

    private Task<ReportWorld> WorldAsync() => api.SharedAsync(ReportWorld.CreateAsync);

    [Fact]
    public async Task Summary_counts_the_programme_as_worked_out_by_hand()
    {
        var world = await WorldAsync();

        var summary = await GetAsync(world, "/api/v1/reports/summary");

        AssertMeasures(Everything, summary);
    }

    [Fact]
    public async Task By_region_lists_all_nine_regions_with_hand_counts()
    {
        var world = await WorldAsync();

        var rows = (await GetAsync(world, "/api/v1/reports/by-region"))["items"]!.AsArray();

        Assert.Equal(9, rows.Count);
        AssertMeasures(RegionC, Row(rows, "region", "KG-C"));
        AssertMeasures(RegionY, Row(rows, "region", "KG-Y"));
        foreach (var row in rows.Where(r => r!["region"]!.GetValue<string>() is not ("KG-C" or "KG-Y")))
            AssertMeasures(Nothing, row!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?sector=C")]
    [InlineData("?city=qingdao")]
    [InlineData("?from=MIDDLE")]
    public async Task By_region_rows_add_up_to_the_summary(string query)
    {
        var world = await WorldAsync();
        query = query.Replace("MIDDLE", Iso(world.Middle), StringComparison.Ordinal);

        var summary = await GetAsync(world, "/api/v1/reports/summary" + query);
        var rows = (await GetAsync(world, "/api/v1/reports/by-region" + query))["items"]!.AsArray().Select(r => r!).ToList();

        foreach (var field in new[] { "smes", "openNeeds", "matchesTotal", "jobsInMutualOrLater", "matchedNeeds", "exportOrientedMatchedNeeds", "agreements", "jobsCreated", "youthJobsCreated" })
            Assert.True(summary[field]!.GetValue<long>() == rows.Sum(r => r[field]!.GetValue<long>()), $"{field} of the rows must add up to the summary's");
        foreach (var field in new[] { "requestedInvestmentUsd", "investmentInMutualOrLaterUsd", "realisedInvestmentUsd" })
            Assert.Equal(summary[field]!.GetValue<decimal>(), rows.Sum(r => r[field]!.GetValue<decimal>()));
        foreach (var status in Statuses)
            Assert.Equal(summary["matches"]![status]!.GetValue<long>(), rows.Sum(r => r["matches"]![status]!.GetValue<long>()));
    }

    [Fact]
    public async Task By_city_lists_all_sixteen_cities_with_hand_counts()
    {
        var world = await WorldAsync();

        var rows = (await GetAsync(world, "/api/v1/reports/by-city"))["items"]!.AsArray();

        Assert.Equal(16, rows.Count);
        AssertMeasures(Qingdao, Row(rows, "city", "qingdao"));
        AssertMeasures(Weifang, Row(rows, "city", "weifang"));
        foreach (var row in rows.Where(r => r!["city"]!.GetValue<string>() is not ("qingdao" or "weifang")))
            AssertMeasures(Nothing, row!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("&region=KG-Y")]
    [InlineData("&region=KG-C")]
    [InlineData("&sector=C29")]
    [InlineData("&sector=A")]
    [InlineData("&from=MIDDLE")]
    [InlineData("&to=MIDDLE")]
    [InlineData("&region=KG-Y&sector=C&from=BEFORE")]
    public async Task Each_city_row_is_the_summary_filtered_by_that_city(string filters)
    {
        var world = await WorldAsync();
        filters = filters.Replace("MIDDLE", Iso(world.Middle), StringComparison.Ordinal).Replace("BEFORE", Iso(world.Before), StringComparison.Ordinal);

        var rows = (await GetAsync(world, "/api/v1/reports/by-city" + (filters.Length > 0 ? "?" + filters[1..] : "")))["items"]!.AsArray();

        Assert.Equal(16, rows.Count);

        foreach (var row in rows.Select(r => r!.AsObject()))
        {
            var city = row["city"]!.GetValue<string>();
            var summary = await GetAsync(world, $"/api/v1/reports/summary?city={city}{filters}");
            row.Remove("city");
            Assert.True(JsonNode.DeepEquals(summary, row), $"{city}{filters}: by-city {row.ToJsonString()} but summary {summary.ToJsonString()}");
        }
    }

    [Fact]
    public async Task By_sector_lists_the_sections_that_appear_with_hand_counts()
    {
        var world = await WorldAsync();

        var rows = (await GetAsync(world, "/api/v1/reports/by-sector"))["items"]!.AsArray();

        Assert.Equal(["A", "C"], rows.Select(r => r!["sector"]!.GetValue<string>()));
        AssertMeasures(SectionA, Row(rows, "sector", "A"));
        AssertMeasures(SectionC, Row(rows, "sector", "C"));
    }

    [Fact]
    public async Task By_sector_with_a_division_gives_that_division_by_the_needs_effective_sectors()
    {
        var world = await WorldAsync();

        var rows = (await GetAsync(world, "/api/v1/reports/by-sector?sector=C29"))["items"]!.AsArray();

        // Only N2 has C29 (its own sector; its SME is C28); Qingdao lists C29.
        AssertMeasures(new(0, 1, 300_000m, 1, Matches(("meeting", 1)), 300_000m, 10, 1, 1, 1.0), Row(rows, "sector", "C29"));
    }

    public static TheoryData<string, string> Filters => new()
    {
        { "region=KG-C", "KG-C" },
        { "region=KG-Y", "KG-Y" },
        { "city=qingdao", "qingdao" },
        { "city=weifang", "weifang" },
        { "sector=C", "section C" },
        { "sector=A", "section A" },
        { "sector=C28", "C28" },
        { "region=KG-Y&city=qingdao", "Y+qingdao" },
        { "from=MIDDLE", "from middle" },
        { "to=MIDDLE", "to middle" },
        { "from=AFTER", "from after" },
        { "from=BEFORE&to=AFTER", "everything" },
        { "to=BEFORE", "to before" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_narrows_the_summary_to_the_hand_count(string query, string expected)
    {
        var world = await WorldAsync();
        var url = "/api/v1/reports/summary?" + query.Replace("MIDDLE", Iso(world.Middle), StringComparison.Ordinal)
            .Replace("BEFORE", Iso(world.Before), StringComparison.Ordinal).Replace("AFTER", Iso(world.After), StringComparison.Ordinal);

        var summary = await GetAsync(world, url);

        AssertMeasures(expected switch
        {
            "KG-C" => RegionC,
            "KG-Y" => RegionY,
            "qingdao" => Qingdao,
            "weifang" => Weifang,
            "section A" => SectionA,
            "section C" => SectionC,
            // N1 (C28) and N3 (its SME's C28), not N2 (own sector C29); both C28 SMEs; Qingdao.
            "C28" => new(2, 1, 500_000m, 1, Matches(("agreement", 1), ("declined", 1)), 500_000m, 40, 2, 1, 0.5),
            // Chui Steel and its closed N3, declined with Qingdao.
            "Y+qingdao" => new(1, 0, 0m, 1, Matches(("declined", 1)), 0m, 0, 1, 0, 0.0),
            // Chui Steel, Issyk Farm, N4 (N3 is closed), both partners, every match (made when the partners registered).
            "from middle" => new(2, 1, 150_000m, 2, Everything.Matches, 950_000m, 55, 4, 3, 0.75),
            // Ala-Too and its two open needs; no partner and no match yet.
            "to middle" => new(1, 2, 800_000m, 0, Matches(), 0m, 0, 0, 0, null),
            "everything" => Everything,
            _ => Nothing,
        }, summary);
    }

    [Fact]
    public async Task A_date_without_time_is_the_start_of_that_utc_day()
    {
        var world = await WorldAsync();
        var today = world.Before.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tomorrow = world.After.Date.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        AssertMeasures(Everything, await GetAsync(world, $"/api/v1/reports/summary?from={today}&to={tomorrow}"));
        AssertMeasures(Nothing, await GetAsync(world, $"/api/v1/reports/summary?from={tomorrow}"));
    }

    [Fact]
    public async Task Pipeline_counts_statuses_in_stage_order_and_conversion_between_stages()
    {
        var world = await WorldAsync();

        var pipeline = await GetAsync(world, "/api/v1/reports/pipeline");

        Assert.Equal(Statuses, pipeline["statuses"]!.AsArray().Select(s => s!["status"]!.GetValue<string>()));
        Assert.Equal([0L, 0, 0, 1, 1, 0, 1, 0, 1], pipeline["statuses"]!.AsArray().Select(s => s!["matches"]!.GetValue<long>()));
        Assert.Equal(4, pipeline["matchesTotal"]!.GetValue<long>());
        Assert.Equal(1, pipeline["declined"]!.GetValue<long>());
        // Reached: all 4 suggested; 4 showed interest (M3 before its decline); M1, M2, M4 mutual;
        // M1 (skipped ahead to agreement) and M2 reached a meeting; only M1 negotiation and agreement.
        var stages = pipeline["stages"]!.AsArray();
        Assert.Equal(["suggested", "interest", "mutual", "meeting", "negotiation", "agreement", "closed"], stages.Select(s => s!["stage"]!.GetValue<string>()));
        Assert.Equal([4L, 4, 3, 2, 1, 1, 0], stages.Select(s => s!["reached"]!.GetValue<long>()));
        Assert.Equal([null, 1.0, 0.75, 0.6667, 0.5, 1.0, 0.0], stages.Select(s => s!["conversionFromPrevious"]?.GetValue<double>()));
    }

    [Fact]
    public async Task Pipeline_follows_the_filters()
    {
        var world = await WorldAsync();

        var pipeline = await GetAsync(world, "/api/v1/reports/pipeline?city=weifang");

        Assert.Equal([0L, 0, 0, 1, 0, 0, 0, 0, 0], pipeline["statuses"]!.AsArray().Select(s => s!["matches"]!.GetValue<long>()));
        var stages = pipeline["stages"]!.AsArray();
        Assert.Equal([1L, 1, 1, 0, 0, 0, 0], stages.Select(s => s!["reached"]!.GetValue<long>()));
        Assert.Equal([null, 1.0, 1.0, 0.0, null, null, null], stages.Select(s => s!["conversionFromPrevious"]?.GetValue<double>()));
    }

    [Theory]
    [InlineData("month")]
    [InlineData("quarter")]
    public async Task Timeseries_buckets_new_records_by_creation_time(string interval)
    {
        var world = await WorldAsync();

        var series = await GetAsync(world, $"/api/v1/reports/timeseries?interval={interval}");

        var items = series["items"]!.AsArray().Select(i => i!).ToList();
        Assert.Equal(interval, series["interval"]!.GetValue<string>());
        Assert.Equal(Periods(world.Before, world.After, interval), items.Select(i => i["period"]!.GetValue<string>()));
        Assert.Equal(3, items.Sum(i => i["newSmes"]!.GetValue<long>()));
        Assert.Equal(4, items.Sum(i => i["newNeeds"]!.GetValue<long>()));
        Assert.Equal(2, items.Sum(i => i["newPartners"]!.GetValue<long>()));
        Assert.Equal(4, items.Sum(i => i["newMatches"]!.GetValue<long>()));
        Assert.Equal(1_150_000m, items.Sum(i => i["requestedInvestmentUsd"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task Timeseries_follows_the_filters()
    {
        var world = await WorldAsync();

        var items = (await GetAsync(world, "/api/v1/reports/timeseries?region=KG-Y"))["items"]!.AsArray().Select(i => i!).ToList();

        Assert.Equal(2, items.Sum(i => i["newSmes"]!.GetValue<long>()));
        Assert.Equal(2, items.Sum(i => i["newNeeds"]!.GetValue<long>()));
        Assert.Equal(2, items.Sum(i => i["newPartners"]!.GetValue<long>()));
        Assert.Equal(2, items.Sum(i => i["newMatches"]!.GetValue<long>()));
        Assert.Equal(350_000m, items.Sum(i => i["requestedInvestmentUsd"]!.GetValue<decimal>()));
        Assert.Empty((await GetAsync(world, $"/api/v1/reports/timeseries?from={Iso(world.After)}"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Export_pages_one_row_per_match_with_both_parties_public_fields()
    {
        var world = await WorldAsync();

        var rows = await ExportJsonAsync(world, "", limit: 3);

        Assert.Equal([world.M1, world.M2, world.M3, world.M4], rows.Select(r => Guid.Parse(r["matchId"]!.GetValue<string>())));
        var m1 = rows[0];
        Assert.Equal("agreement", m1["status"]!.GetValue<string>());
        Assert.InRange(m1["score"]!.GetValue<decimal>(), 40m, 100m);
        Assert.Equal(1, m1["criteriaVersion"]!.GetValue<int>());
        Assert.NotNull(m1["mutualAt"]);
        Assert.Equal(world.N1.ToString(), m1["needId"]!.GetValue<string>());
        Assert.Equal("CNC line", m1["needTitle"]!.GetValue<string>());
        Assert.Equal(["equipment_supply", "joint_venture"], m1["needTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(500_000m, m1["needAmountUsd"]!.GetValue<decimal>());
        Assert.Equal(40, m1["needJobsToCreate"]!.GetValue<int>());
        Assert.Equal(world.Sme1.ToString(), m1["smeId"]!.GetValue<string>());
        Assert.Equal("Ala-Too Machine Works", m1["smeName"]!.GetValue<string>());
        Assert.Equal("KG-C", m1["smeRegion"]!.GetValue<string>());
        Assert.Equal(["C28"], m1["smeSectors"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(world.Qingdao.ToString(), m1["partnerId"]!.GetValue<string>());
        Assert.Equal("Qingdao Machinery", m1["partnerName"]!.GetValue<string>());
        Assert.Equal("青岛机械", m1["partnerNameZh"]!.GetValue<string>());
        Assert.Equal("qingdao", m1["partnerCity"]!.GetValue<string>());
        Assert.Equal("manufacturer", m1["partnerKind"]!.GetValue<string>());
        Assert.Null(rows[2]["mutualAt"]);
        Assert.DoesNotContain(rows, r => r.ToJsonString().Contains("contact", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("?format=csv", null)]
    [InlineData("", "text/csv")]
    [InlineData("?city=qingdao&format=csv", null)]
    [InlineData("?sector=A", "text/csv")]
    public async Task Csv_export_parses_back_into_the_same_rows_as_the_json_export(string query, string? accept)
    {
        var world = await WorldAsync();
        var json = await ExportJsonAsync(world, query.Replace("format=csv", "format=json", StringComparison.Ordinal), limit: 100);

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/matches" + query);
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        var response = await world.Agency.Client.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment; filename=\"matches.csv\"", Assert.Single(response.Content.Headers.GetValues("Content-Disposition")));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), System.Text.Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        Assert.True(await csv.ReadAsync());
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var csvRows = new List<Dictionary<string, string>>();
        while (await csv.ReadAsync())
            csvRows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!));

        Assert.NotEmpty(json);
        Assert.Equal(json.Count, csvRows.Count);
        Assert.Equal(json[0].AsObject().Select(p => p.Key).Order(), header.Order());
        for (var i = 0; i < json.Count; i++)
            foreach (var field in header)
                AssertSameValue(field, json[i][field], csvRows[i][field]);
    }

    [Fact]
    public async Task Export_filters_like_the_reports()
    {
        var world = await WorldAsync();

        Assert.Equal([world.M4], (await ExportJsonAsync(world, "?city=weifang", 100)).Select(r => Guid.Parse(r["matchId"]!.GetValue<string>())));
        Assert.Equal([world.M3, world.M4], (await ExportJsonAsync(world, "?region=KG-Y", 100)).Select(r => Guid.Parse(r["matchId"]!.GetValue<string>())));
        Assert.Equal([world.M1, world.M3], (await ExportJsonAsync(world, "?sector=C28", 100)).Select(r => Guid.Parse(r["matchId"]!.GetValue<string>())));
        Assert.Empty(await ExportJsonAsync(world, $"?from={Iso(world.After)}", 100));
    }

    [Theory]
    [InlineData("summary?region=KG-X", "region")]
    [InlineData("by-region?city=paris", "city")]
    [InlineData("by-sector?sector=Z99", "sector")]
    [InlineData("by-city?sector=c28", "sector")]
    [InlineData("pipeline?from=yesterday", "from")]
    [InlineData("summary?to=2025-13-45", "to")]
    [InlineData("summary?from=01%2F31%2F2025", "from")]
    [InlineData("by-city?to=31.01.2025", "to")]
    [InlineData("summary?from=2025-02-01&to=2025-01-01", "to")]
    [InlineData("summary?from=2025-01-01&to=2025-01-01", "to")]
    [InlineData("timeseries?interval=week", "interval")]
    [InlineData("matches?format=xml", "format")]
    [InlineData("matches?limit=101", "limit")]
    [InlineData("matches?cursor=nonsense", "cursor")]
    public async Task An_invalid_filter_is_a_400_naming_the_field(string pathAndQuery, string field)
    {
        var world = await WorldAsync();

        await Expect.ProblemAsync(await world.Agency.Client.GetAsync("/api/v1/reports/" + pathAndQuery), 400, field);
    }

    public static TheoryData<string> Routes => new()
    {
        "summary", "by-region", "by-sector", "by-city", "pipeline", "timeseries?interval=quarter", "matches", "matches?format=csv",
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Only_agency_and_admin_may_read_reports(string route)
    {
        var world = await WorldAsync();
        var url = "/api/v1/reports/" + route;

        await Expect.ProblemAsync(await world.SmeUser.Client.GetAsync(url), 403);
        await Expect.ProblemAsync(await world.PartnerUser.Client.GetAsync(url), 403);
        Assert.Equal(401, (int)(await api.CreateClient().GetAsync(url)).StatusCode);
        Assert.Equal(200, (int)(await world.Agency.Client.GetAsync(url)).StatusCode);
        Assert.Equal(200, (int)(await world.Admin.Client.GetAsync(url)).StatusCode);
    }

    private static async Task<JsonObject> GetAsync(ReportWorld world, string url) =>
        (await Expect.StatusAsync(await world.Agency.Client.GetAsync(url), 200)).AsObject();

    private static async Task<List<JsonObject>> ExportJsonAsync(ReportWorld world, string query, int limit) =>
        await Paging.AllAsync(world.Agency.Client, "/api/v1/reports/matches" + query, limit);

    private static JsonObject Row(JsonArray rows, string key, string code) =>
        rows.Single(r => r![key]!.GetValue<string>() == code)!.AsObject();

    private static string Iso(DateTime utc) => Uri.EscapeDataString(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));

    private static IReadOnlyDictionary<string, long> Matches(params (string Status, long Count)[] counts) =>
        Statuses.ToDictionary(s => s, s => counts.Where(c => c.Status == s).Sum(c => c.Count));

    private static List<string> Periods(DateTime from, DateTime to, string interval)
    {
        var step = interval == "quarter" ? 3 : 1;
        DateTime Start(DateTime t) => new(t.Year, (t.Month - 1) / step * step + 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var periods = new List<string>();
        for (var start = Start(from); start <= Start(to); start = start.AddMonths(step))
            periods.Add(step == 3 ? $"{start.Year:D4}-Q{(start.Month - 1) / 3 + 1}" : start.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        return periods;
    }

    private static void AssertSameValue(string field, JsonNode? json, string csv)
    {
        switch (json)
        {
            case null:
                Assert.True(csv.Length == 0, $"{field}: JSON null, CSV '{csv}'");
                break;
            case JsonArray list:
                Assert.Equal(string.Join(';', list.Select(v => v!.GetValue<string>())), csv);
                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                Assert.Equal(value.GetValue<decimal>(), decimal.Parse(csv, CultureInfo.InvariantCulture));
                break;
            case JsonValue value when field.EndsWith("At", StringComparison.Ordinal):
                Assert.Equal(DateTime.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                    DateTime.Parse(csv, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
                break;
            default:
                Assert.Equal(json.GetValue<string>(), csv);
                break;
        }
    }

    private static void AssertMeasures(Expected e, JsonNode actual)
    {
        var label = actual.ToJsonString();
        Assert.True(e.Smes == actual["smes"]!.GetValue<long>(), $"smes in {label}");
        Assert.True(e.OpenNeeds == actual["openNeeds"]!.GetValue<long>(), $"openNeeds in {label}");
        Assert.True(e.RequestedInvestmentUsd == actual["requestedInvestmentUsd"]!.GetValue<decimal>(), $"requestedInvestmentUsd in {label}");
        Assert.True(e.Partners == actual["partners"]!.GetValue<long>(), $"partners in {label}");
        Assert.Equal(e.Matches, actual["matches"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<long>()));
        Assert.True(e.Matches.Values.Sum() == actual["matchesTotal"]!.GetValue<long>(), $"matchesTotal in {label}");
        Assert.True(e.InvestmentInMutualOrLaterUsd == actual["investmentInMutualOrLaterUsd"]!.GetValue<decimal>(), $"investmentInMutualOrLaterUsd in {label}");
        Assert.True(e.JobsInMutualOrLater == actual["jobsInMutualOrLater"]!.GetValue<long>(), $"jobsInMutualOrLater in {label}");
        Assert.True(e.MatchedNeeds == actual["matchedNeeds"]!.GetValue<long>(), $"matchedNeeds in {label}");
        Assert.True(e.ExportOrientedMatchedNeeds == actual["exportOrientedMatchedNeeds"]!.GetValue<long>(), $"exportOrientedMatchedNeeds in {label}");
        Assert.True(e.Share == actual["exportOrientedShareOfMatchedNeeds"]?.GetValue<double>(), $"exportOrientedShareOfMatchedNeeds in {label}");
    }

    private sealed record Expected(
        long Smes, long OpenNeeds, decimal RequestedInvestmentUsd, long Partners, IReadOnlyDictionary<string, long> Matches,
        decimal InvestmentInMutualOrLaterUsd, long JobsInMutualOrLater, long MatchedNeeds, long ExportOrientedMatchedNeeds, double? Share);
}

public sealed class ReportTestsOnSqlite(SqliteApi api) : ReportTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class ReportTestsOnSqlServer : ReportTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public ReportTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
