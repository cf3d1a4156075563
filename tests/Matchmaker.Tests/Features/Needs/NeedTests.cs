using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Matchmaker.Tests.Harness.JsonLists;

namespace Matchmaker.Tests.Features.Needs;

public abstract class NeedTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    [Fact]
    public async Task Posting_a_need_answers_201_with_location_and_etag_of_the_new_need()
    {
        var (owner, smeId) = await SmeAsync("KG-C", ["C28"]);
        var body = Bodies.Need(title: "Линия ЧПУ", amount: 500_000m, currency: "USD");

        var response = await owner.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", body);

        var created = await Expect.StatusAsync(response, 201);
        Assert.NotNull(response.Headers.Location);
        var etag = response.ETag();
        Assert.True(Guid.TryParse(created["id"]!.GetValue<string>(), out _));
        Assert.Equal(smeId.ToString(), created["smeId"]!.GetValue<string>());
        Assert.Equal("KG-C", created["region"]!.GetValue<string>());
        Assert.Equal("Линия ЧПУ", created["title"]!.GetValue<string>());
        Assert.Equal(["equipment_supply", "joint_venture"], Strings(created["needTypes"]));
        Assert.Equal(500_000m, created["amount"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("USD", created["amount"]!["currency"]!.GetValue<string>());
        Assert.Equal(500_000m, created["amountUsd"]!.GetValue<decimal>());
        Assert.Equal(40, created["jobsToCreate"]!.GetValue<int>());
        Assert.Equal(["KZ", "UZ"], Strings(created["exportMarkets"]));
        Assert.Equal(24, created["horizonMonths"]!.GetValue<int>());
        Assert.Equal("open", created["status"]!.GetValue<string>());
        Assert.Null(created["closedAt"]);

        var readBack = await owner.Client.GetAsync(response.Headers.Location);
        var read = await Expect.StatusAsync(readBack, 200);
        Assert.True(JsonNode.DeepEquals(created, read), $"created {created.ToJsonString()} but read {read.ToJsonString()}");
        Assert.Equal(etag, readBack.ETag());
    }

    [Theory]
    [InlineData(1_000_000, "KGS", 11_435.00)]
    [InlineData(250_000, "CNY", 35_000.00)]
    [InlineData(123_456.78, "USD", 123_456.78)]
    [InlineData(250_000, "KGS", 2_858.75)]
    [InlineData(100, "KGS", 1.14)]
    public async Task A_need_amount_is_converted_to_usd_with_the_seeded_rate(decimal amount, string currency, decimal usd)
    {
        var (owner, smeId) = await SmeAsync("KG-C", ["C28"]);

        var created = await Expect.StatusAsync(await owner.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", Bodies.Need(amount: amount, currency: currency)), 201);

        Assert.Equal(usd, created["amountUsd"]!.GetValue<decimal>());
        Assert.Equal(amount, created["amount"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(currency, created["amount"]!["currency"]!.GetValue<string>());
    }

    [Fact]
    public async Task Changing_a_need_amount_converts_it_again()
    {
        var (owner, smeId) = await SmeAsync("KG-C", ["C28"]);
        var response = await owner.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", Bodies.Need(amount: 10_000m, currency: "USD"));
        var needId = (await Expect.StatusAsync(response, 201))["id"]!.GetValue<string>();

        var updated = await Expect.StatusAsync(await owner.Client.PutAsync($"/api/v1/needs/{needId}", Bodies.Need(amount: 1_000_000m, currency: "KGS"), response.ETag()), 200);

        Assert.Equal(11_435.00m, updated["amountUsd"]!.GetValue<decimal>());
        Assert.Equal("KGS", updated["amount"]!["currency"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_need_without_sectors_takes_the_sectors_of_its_sme()
    {
        var (owner, smeId) = await SmeAsync("KG-C", ["C25", "C28"]);

        var created = await Expect.StatusAsync(await owner.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", Bodies.Need()), 201);

        Assert.Null(created["sectors"]);
        Assert.Equal(["C25", "C28"], Strings(created["effectiveSectors"]));
        var read = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/needs/{created["id"]}"), 200);
        Assert.Null(read["sectors"]);
        Assert.Equal(["C25", "C28"], Strings(read["effectiveSectors"]));
    }

    [Fact]
    public async Task A_need_with_its_own_sectors_uses_them_instead_of_the_smes()
    {
        var (owner, smeId) = await SmeAsync("KG-C", ["C28"]);
        var body = Bodies.Need();
        body["sectors"] = Bodies.Array("C10", "A01");

        var created = await Expect.StatusAsync(await owner.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", body), 201);

        Assert.Equal(["C10", "A01"], Strings(created["sectors"]));
        Assert.Equal(["C10", "A01"], Strings(created["effectiveSectors"]));
    }

    [Fact]
    public async Task Reading_a_need_returns_its_etag()
    {
        var (owner, smeId) = await SmeAsync("KG-C", ["C28"]);
        var needId = await Create.NeedAsync(owner, smeId);

        var response = await owner.Client.GetAsync($"/api/v1/needs/{needId}");

        await Expect.StatusAsync(response, 200);
        Assert.False(string.IsNullOrEmpty(response.ETag()));
    }

    [Fact]
    public async Task Updating_a_need_without_if_match_is_428_and_changes_nothing()
    {
        var (owner, smeId) = await SmeAsync("KG-C", ["C28"]);
        var needId = await Create.NeedAsync(owner, smeId);

        var response = await owner.Client.PutAsync($"/api/v1/needs/{needId}", Bodies.Need(title: "No precondition"), ifMatch: null);

        await Expect.ProblemAsync(response, 428);
        var after = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        Assert.Equal("CNC machine line", after["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Updating_a_need_with_a_stale_etag_is_412_and_changes_nothing()
    {
        var (owner, smeId) = await SmeAsync("KG-C", ["C28"]);
        var needId = await Create.NeedAsync(owner, smeId);
        var stale = (await owner.Client.GetAsync($"/api/v1/needs/{needId}")).ETag();
        await Expect.StatusAsync(await owner.Client.PutAsync($"/api/v1/needs/{needId}", Bodies.Need(title: "First edit"), stale), 200);

        var response = await owner.Client.PutAsync($"/api/v1/needs/{needId}", Bodies.Need(title: "Lost edit"), stale);

        await Expect.ProblemAsync(response, 412);
        var after = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        Assert.Equal("First edit", after["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Updating_a_need_with_the_current_etag_replaces_its_fields_and_gives_a_new_etag()
    {
        var (owner, smeId) = await SmeAsync("KG-C", ["C28"]);
        var original = Bodies.Need();
        original["sectors"] = Bodies.Array("C29");
        var needId = await Create.NeedAsync(owner, smeId, original);
        var read = await owner.Client.GetAsync($"/api/v1/needs/{needId}");
        var before = await Expect.StatusAsync(read, 200);
        var body = new JsonObject
        {
            ["title"] = "Loan for a greenhouse",
            ["needTypes"] = Bodies.Array("loan"),
            ["amount"] = new JsonObject { ["amount"] = 700_000, ["currency"] = "CNY" },
            ["horizonMonths"] = 60,
        };

        var response = await owner.Client.PutAsync($"/api/v1/needs/{needId}", body, read.ETag());

        var updated = await Expect.StatusAsync(response, 200);
        Assert.NotEqual(read.ETag(), response.ETag());
        var after = await owner.Client.GetAsync($"/api/v1/needs/{needId}");
        var stored = await Expect.StatusAsync(after, 200);
        Assert.Equal(response.ETag(), after.ETag());
        Assert.True(JsonNode.DeepEquals(updated, stored), $"PUT answered {updated.ToJsonString()} but GET reads {stored.ToJsonString()}");
        Assert.Equal("Loan for a greenhouse", stored["title"]!.GetValue<string>());
        Assert.Null(stored["description"]);
        Assert.Equal(["loan"], Strings(stored["needTypes"]));
        Assert.Equal(98_000m, stored["amountUsd"]!.GetValue<decimal>());
        Assert.Equal(0, stored["jobsToCreate"]!.GetValue<int>());
        Assert.Empty(stored["exportMarkets"]!.AsArray());
        Assert.Equal(60, stored["horizonMonths"]!.GetValue<int>());
        Assert.Null(stored["sectors"]);
        Assert.Equal(["C28"], Strings(stored["effectiveSectors"]));
        Assert.Equal("open", stored["status"]!.GetValue<string>());
        Assert.Equal(before["createdAt"]!.GetValue<string>(), stored["createdAt"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("id", "\"6f1c2f4e-8d5e-4a7b-9c1d-2e3f4a5b6c7d\"")]
    [InlineData("status", "\"closed\"")]
    [InlineData("createdAt", "\"2026-01-01T00:00:00Z\"")]
    [InlineData("amountUsd", "1")]
    [InlineData("smeId", "\"6f1c2f4e-8d5e-4a7b-9c1d-2e3f4a5b6c7d\"")]
    public async Task Posting_a_need_with_a_server_owned_field_is_refused_naming_it(string field, string json)
    {
        var (owner, smeId) = await SmeAsync("KG-C", ["C28"]);
        var body = Bodies.Need();
        body[field] = JsonNode.Parse(json);

        var response = await owner.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", body);

        await Expect.ProblemAsync(response, 400, field);
        Assert.Empty(await NeedsOfAsync(owner, smeId));
    }

    [Theory]
    [InlineData("id", "\"6f1c2f4e-8d5e-4a7b-9c1d-2e3f4a5b6c7d\"")]
    [InlineData("status", "\"closed\"")]
    [InlineData("createdAt", "\"2026-01-01T00:00:00Z\"")]
    public async Task Updating_a_need_with_a_server_owned_field_is_refused_naming_it(string field, string json)
    {
        var (owner, smeId) = await SmeAsync("KG-C", ["C28"]);
        var needId = await Create.NeedAsync(owner, smeId);
        var etag = (await owner.Client.GetAsync($"/api/v1/needs/{needId}")).ETag();
        var body = Bodies.Need(title: "Sneaky");
        body[field] = JsonNode.Parse(json);

        var response = await owner.Client.PutAsync($"/api/v1/needs/{needId}", body, etag);

        await Expect.ProblemAsync(response, 400, field);
        var after = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        Assert.Equal("CNC machine line", after["title"]!.GetValue<string>());
        Assert.Equal("open", after["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Closing_a_need_records_the_reason_and_time_and_makes_it_read_only()
    {
        var (owner, smeId) = await SmeAsync("KG-C", ["C28"]);
        var created = await owner.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", Bodies.Need());
        var needId = (await Expect.StatusAsync(created, 201))["id"]!.GetValue<string>();
        var before = DateTime.UtcNow.AddMinutes(-1);

        var response = await owner.Client.PostAsJsonAsync($"/api/v1/needs/{needId}/close", new JsonObject { ["reason"] = "  Agreed with a Weifang partner  " });

        var closed = await Expect.StatusAsync(response, 200);
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        Assert.Equal("Agreed with a Weifang partner", closed["closeReason"]!.GetValue<string>());
        var closedAt = closed["closedAt"]!.GetValue<DateTime>().ToUniversalTime();
        Assert.InRange(closedAt, before, DateTime.UtcNow.AddMinutes(1));
        Assert.NotEqual(created.ETag(), response.ETag());
        var read = await owner.Client.GetAsync($"/api/v1/needs/{needId}");
        var stored = await Expect.StatusAsync(read, 200);
        Assert.True(JsonNode.DeepEquals(closed, stored), $"close answered {closed.ToJsonString()} but GET reads {stored.ToJsonString()}");
        Assert.Equal(response.ETag(), read.ETag());

        await Expect.ProblemAsync(await owner.Client.PutAsync($"/api/v1/needs/{needId}", Bodies.Need(title: "Reopened?"), read.ETag()), 409);
        await Expect.ProblemAsync(await owner.Client.PostAsJsonAsync($"/api/v1/needs/{needId}/close", new JsonObject()), 409);
    }

    [Fact]
    public async Task A_need_may_be_closed_without_a_reason()
    {
        var (owner, smeId) = await SmeAsync("KG-C", ["C28"]);
        var needId = await Create.NeedAsync(owner, smeId);

        var closed = await Expect.StatusAsync(await owner.Client.PostAsJsonAsync($"/api/v1/needs/{needId}/close", new JsonObject()), 200);

        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        Assert.Null(closed["closeReason"]);
        Assert.NotNull(closed["closedAt"]);
    }

    [Fact]
    public async Task A_need_may_be_closed_with_no_body_at_all()
    {
        var (owner, smeId) = await SmeAsync("KG-C", ["C28"]);
        var needId = await Create.NeedAsync(owner, smeId);

        var closed = await Expect.StatusAsync(await owner.Client.PostAsync($"/api/v1/needs/{needId}/close", content: null), 200);

        Assert.Equal("closed", closed["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_need_search_narrows_by_sector_division_and_section_taking_the_smes_sectors_when_a_need_has_none()
    {
        var s = await SearchWorldAsync();

        Assert.Equal([s.FarmLoan], await SearchAsync(s, "sector=A01"));
        Assert.Equal([s.FarmLoan], await SearchAsync(s, "sector=A"));
        Assert.Equal([s.TalasLoan, s.FarmMachines], await SearchAsync(s, "sector=C28"));
        Assert.Equal([s.TalasLoan, s.FarmMachines], await SearchAsync(s, "sector=C"));
        Assert.Empty(await SearchAsync(s, "sector=C10"));
    }

    [Fact]
    public async Task The_need_search_narrows_by_the_region_of_the_sme()
    {
        var s = await SearchWorldAsync();

        Assert.Equal([s.FarmMachines, s.FarmLoan], await SearchAsync(s, "region=KG-N"));
        Assert.Equal([s.TalasLoan], await SearchAsync(s, "region=KG-T"));
        Assert.Empty(await SearchAsync(s, "region=KG-B"));
    }

    [Fact]
    public async Task The_need_search_narrows_by_need_type()
    {
        var s = await SearchWorldAsync();

        Assert.Equal([s.TalasLoan, s.FarmLoan], await SearchAsync(s, "needType=loan"));
        Assert.Equal([s.FarmMachines], await SearchAsync(s, "needType=equity"));
        Assert.Empty(await SearchAsync(s, "needType=offtake"));
    }

    [Fact]
    public async Task The_need_search_narrows_by_amount_in_usd_bounds_included()
    {
        var s = await SearchWorldAsync();

        Assert.Equal([s.FarmLoan], await SearchAsync(s, "minUsd=20000&maxUsd=100000"));
        Assert.Equal([s.FarmMachines], await SearchAsync(s, "minUsd=11435&maxUsd=11435"));
        Assert.Equal([s.TalasLoan, s.FarmLoan], await SearchAsync(s, "minUsd=50000"));
        Assert.Equal([s.FarmMachines, s.FarmLoan], await SearchAsync(s, "maxUsd=50000"));
    }

    [Fact]
    public async Task The_need_search_finds_a_title_fragment_in_any_letter_case()
    {
        var s = await SearchWorldAsync();

        Assert.Equal([s.FarmMachines], await SearchAsync(s, $"q={Uri.EscapeDataString($"ТЕПЛИЦЫ {s.Tag.ToUpperInvariant()}")}", withTag: false));
        Assert.Equal([s.TalasLoan, s.FarmMachines, s.FarmLoan], await SearchAsync(s, $"q={s.Tag.ToUpperInvariant()}", withTag: false));
    }

    [Fact]
    public async Task The_need_search_lists_open_needs_unless_asked_for_closed_ones()
    {
        var s = await SearchWorldAsync();

        Assert.Equal([s.TalasLoan, s.FarmMachines, s.FarmLoan], await SearchAsync(s, ""));
        Assert.Equal([s.TalasLoan, s.FarmMachines, s.FarmLoan], await SearchAsync(s, "status=open"));
        Assert.Equal([s.Closed], await SearchAsync(s, "status=closed"));
    }

    [Fact]
    public async Task The_needs_of_an_sme_are_listed_open_and_closed_newest_first()
    {
        var s = await SearchWorldAsync();

        var page = await Expect.StatusAsync(await s.Farm.Client.GetAsync($"/api/v1/smes/{s.FarmId}/needs"), 200);

        Assert.Equal([s.Closed, s.FarmMachines, s.FarmLoan], page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.Null(page["nextCursor"]);
    }

    [Fact]
    public async Task Paging_through_the_needs_of_an_sme_returns_every_need_once_newest_first()
    {
        var (owner, smeId, created) = await ManyNeedsAsync(23);

        var seen = await Paging.WalkAsync(owner.Client, $"/api/v1/smes/{smeId}/needs?limit=5", expectedPages: 5);

        Assert.Equal(created.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task Paging_through_a_need_search_returns_every_need_once_newest_first()
    {
        var prefix = $"Paged-{Guid.NewGuid():N}";
        var (_, _, created) = await ManyNeedsAsync(23, prefix);
        var partner = await Api.UserAsync("partner");

        var seen = await Paging.WalkAsync(partner.Client, $"/api/v1/needs?q={prefix}&limit=7", expectedPages: 4);

        Assert.Equal(created.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task A_list_of_needs_holds_20_items_unless_a_limit_is_given()
    {
        var (owner, smeId, created) = await ManyNeedsAsync(23);

        var page = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/smes/{smeId}/needs"), 200);

        Assert.Equal(created.AsEnumerable().Reverse().Take(20), page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.NotNull(page["nextCursor"]);
    }

    [Theory]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=%21%21%21", "cursor")]
    public async Task Listing_the_needs_of_an_sme_refuses_a_bad_page_query_naming_the_parameter(string query, string field)
    {
        var (owner, smeId) = await SmeAsync("KG-C", ["C28"]);

        await Expect.ProblemAsync(await owner.Client.GetAsync($"/api/v1/smes/{smeId}/needs?{query}"), 400, field);
    }

    [Theory]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("status=pending", "status")]
    [InlineData("q=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "q")]
    [InlineData("needType=grant", "needType")]
    [InlineData("sector=C99", "sector")]
    [InlineData("region=KG-X", "region")]
    [InlineData("minUsd=500&maxUsd=100", "maxUsd")]
    [InlineData("minUsd=-1", "minUsd")]
    [InlineData("maxUsd=-1", "maxUsd")]
    public async Task The_need_search_refuses_a_bad_query_naming_the_parameter(string query, string field)
    {
        var agency = await Api.UserAsync("agency");

        await Expect.ProblemAsync(await agency.Client.GetAsync($"/api/v1/needs?{query}"), 400, field);
    }

    private sealed record SearchWorld(string Tag, Actor Farm, Guid FarmId, string FarmLoan, string FarmMachines, string Closed, string TalasLoan, Actor Partner);

    /// <summary>
    /// A Naryn farm (A01) with a loan of 50,000 USD on its own sectors, an equity need of 1,000,000 KGS for machines (C28)
    /// and a closed need; a Talas works (C28) with a loan of 300,000 USD. All titles carry the same unique tag.
    /// </summary>
    private async Task<SearchWorld> SearchWorldAsync()
    {
        var tag = Guid.NewGuid().ToString("N");
        var (farm, farmId) = await SmeAsync("KG-N", ["A01"]);
        var (talas, talasId) = await SmeAsync("KG-T", ["C28"]);

        var farmLoan = Bodies.Need(title: $"Кредит на оборотные средства {tag}", amount: 50_000m, currency: "USD");
        farmLoan["needTypes"] = Bodies.Array("loan");
        var farmLoanId = await Create.NeedAsync(farm, farmId, farmLoan);

        var machines = Bodies.Need(title: $"Оборудование для теплицы {tag}", amount: 1_000_000m, currency: "KGS");
        machines["needTypes"] = Bodies.Array("equity", "equipment_supply");
        machines["sectors"] = Bodies.Array("C28");
        var machinesId = await Create.NeedAsync(farm, farmId, machines);

        var talasLoan = Bodies.Need(title: $"Talas works expansion {tag}", amount: 300_000m, currency: "USD");
        talasLoan["needTypes"] = Bodies.Array("loan", "joint_venture");
        var talasLoanId = await Create.NeedAsync(talas, talasId, talasLoan);

        var closed = Bodies.Need(title: $"Old greenhouse loan {tag}", amount: 60_000m, currency: "USD");
        closed["needTypes"] = Bodies.Array("loan");
        var closedId = await Create.NeedAsync(farm, farmId, closed);
        await Expect.StatusAsync(await farm.Client.PostAsJsonAsync($"/api/v1/needs/{closedId}/close", new JsonObject { ["reason"] = "Done" }), 200);

        return new SearchWorld(tag, farm, farmId, farmLoanId.ToString(), machinesId.ToString(), closedId.ToString(), talasLoanId.ToString(), await Api.UserAsync("partner"));
    }

    private static async Task<List<string>> SearchAsync(SearchWorld s, string query, bool withTag = true)
    {
        var url = withTag ? $"/api/v1/needs?q={s.Tag}&{query}" : $"/api/v1/needs?{query}";
        var page = await Expect.StatusAsync(await s.Partner.Client.GetAsync(url), 200);
        return Ids(page);
    }

    private async Task<(Actor Owner, Guid SmeId, List<string> Created)> ManyNeedsAsync(int count, string titlePrefix = "Paged")
    {
        var (owner, smeId) = await SmeAsync("KG-C", ["C28"]);
        var created = new List<string>();
        for (var i = 0; i < count; i++)
            created.Add((await Create.NeedAsync(owner, smeId, Bodies.Need(title: $"{titlePrefix} need {i}"))).ToString());
        return (owner, smeId, created);
    }

    private Task<(Actor Owner, Guid SmeId)> SmeAsync(string region, string[] sectors) =>
        Create.SmeAccountAsync(Api, Bodies.Sme(region: region, sectors: sectors));

    private static async Task<List<string>> NeedsOfAsync(Actor owner, Guid smeId)
    {
        var page = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/smes/{smeId}/needs"), 200);
        return Ids(page);
    }
}

public sealed class NeedTestsOnSqlite(SqliteApi api) : NeedTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class NeedTestsOnSqlServer : NeedTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public NeedTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
