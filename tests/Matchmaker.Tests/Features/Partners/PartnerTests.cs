using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Matchmaker.Tests.Harness.JsonLists;

namespace Matchmaker.Tests.Features.Partners;

public abstract class PartnerTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    [Fact]
    public async Task Creating_a_partner_answers_201_with_location_and_etag_of_the_new_profile()
    {
        var partner = await Api.UserAsync("partner");
        var body = Bodies.Partner(name: "Weichai Heavy Machinery", nameZh: "潍柴重机", city: "weifang", sectors: ["C28"]);

        var response = await partner.Client.PostAsJsonAsync("/api/v1/partners", body);

        var created = await Expect.StatusAsync(response, 201);
        Assert.NotNull(response.Headers.Location);
        var etag = response.ETag();
        Assert.True(Guid.TryParse(created["id"]!.GetValue<string>(), out _));
        Assert.Equal("Weichai Heavy Machinery", created["name"]!.GetValue<string>());
        Assert.Equal("潍柴重机", created["nameZh"]!.GetValue<string>());
        Assert.Equal(body["uscc"]!.GetValue<string>(), created["uscc"]!.GetValue<string>());
        Assert.Equal("weifang", created["city"]!.GetValue<string>());
        Assert.Equal("manufacturer", created["kind"]!.GetValue<string>());
        Assert.Equal(["C28"], Strings(created["sectors"]));
        Assert.Equal(["equipment_supply"], Strings(created["offerings"]));
        Assert.Equal(100_000m, created["ticket"]!["minUsd"]!.GetValue<decimal>());
        Assert.Equal(2_000_000m, created["ticket"]!["maxUsd"]!.GetValue<decimal>());
        Assert.Equal(["KG-C", "KG-Y"], Strings(created["targetRegions"]));
        Assert.Equal(["zh", "en"], Strings(created["languages"]));
        Assert.Equal(["ISO 9001"], Strings(created["requiredCertifications"]));
        Assert.Equal("Li Wei", created["contact"]!["person"]!.GetValue<string>());

        var readBack = await partner.Client.GetAsync(response.Headers.Location);
        var read = await Expect.StatusAsync(readBack, 200);
        Assert.True(JsonNode.DeepEquals(created, read), $"created {created.ToJsonString()} but read {read.ToJsonString()}");
        Assert.Equal(etag, readBack.ETag());
        var me = await Expect.StatusAsync(await partner.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Equal(created["id"]!.GetValue<string>(), me["partnerId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reading_a_partner_returns_its_etag()
    {
        var partner = await Api.UserAsync("partner");
        var id = await Create.PartnerAsync(partner);

        var response = await partner.Client.GetAsync($"/api/v1/partners/{id}");

        await Expect.StatusAsync(response, 200);
        Assert.False(string.IsNullOrEmpty(response.ETag()));
    }

    [Fact]
    public async Task Updating_a_partner_without_if_match_is_428_and_changes_nothing()
    {
        var partner = await Api.UserAsync("partner");
        var id = await Create.PartnerAsync(partner);

        var response = await partner.Client.PutAsync($"/api/v1/partners/{id}", Bodies.Partner(name: "No precondition"), ifMatch: null);

        await Expect.ProblemAsync(response, 428);
        var after = await Expect.StatusAsync(await partner.Client.GetAsync($"/api/v1/partners/{id}"), 200);
        Assert.Equal("Qingdao Machinery", after["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Updating_a_partner_with_a_stale_etag_is_412_and_changes_nothing()
    {
        var partner = await Api.UserAsync("partner");
        var id = await Create.PartnerAsync(partner);
        var stale = (await partner.Client.GetAsync($"/api/v1/partners/{id}")).ETag();
        await Expect.StatusAsync(await partner.Client.PutAsync($"/api/v1/partners/{id}", Bodies.Partner(name: "First edit"), stale), 200);

        var response = await partner.Client.PutAsync($"/api/v1/partners/{id}", Bodies.Partner(name: "Lost edit"), stale);

        await Expect.ProblemAsync(response, 412);
        var after = await Expect.StatusAsync(await partner.Client.GetAsync($"/api/v1/partners/{id}"), 200);
        Assert.Equal("First edit", after["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Updating_a_partner_with_the_current_etag_replaces_its_fields_and_gives_a_new_etag()
    {
        var partner = await Api.UserAsync("partner");
        var id = await Create.PartnerAsync(partner);
        var read = await partner.Client.GetAsync($"/api/v1/partners/{id}");
        var before = await Expect.StatusAsync(read, 200);
        var uscc = Bodies.Uscc("370100");
        var body = new JsonObject
        {
            ["name"] = "Jinan Capital",
            ["uscc"] = uscc,
            ["city"] = "jinan",
            ["kind"] = "investor",
            ["sectors"] = Bodies.Array("C25", "M71"),
            ["offerings"] = Bodies.Array("equity", "loan"),
            ["ticket"] = new JsonObject { ["minUsd"] = 500_000, ["maxUsd"] = 500_000 },
            ["contact"] = new JsonObject { ["person"] = "Zhang Min", ["email"] = "zhang@jinan.example" },
        };

        var response = await partner.Client.PutAsync($"/api/v1/partners/{id}", body, read.ETag());

        var updated = await Expect.StatusAsync(response, 200);
        Assert.NotEqual(read.ETag(), response.ETag());
        var after = await partner.Client.GetAsync($"/api/v1/partners/{id}");
        var stored = await Expect.StatusAsync(after, 200);
        Assert.Equal(response.ETag(), after.ETag());
        Assert.True(JsonNode.DeepEquals(updated, stored), $"PUT answered {updated.ToJsonString()} but GET reads {stored.ToJsonString()}");
        Assert.Equal("Jinan Capital", stored["name"]!.GetValue<string>());
        Assert.Null(stored["nameZh"]);
        Assert.Equal(uscc, stored["uscc"]!.GetValue<string>());
        Assert.Equal("jinan", stored["city"]!.GetValue<string>());
        Assert.Equal("investor", stored["kind"]!.GetValue<string>());
        Assert.Equal(["C25", "M71"], Strings(stored["sectors"]));
        Assert.Equal(["equity", "loan"], Strings(stored["offerings"]));
        Assert.Equal(500_000m, stored["ticket"]!["minUsd"]!.GetValue<decimal>());
        Assert.Equal(500_000m, stored["ticket"]!["maxUsd"]!.GetValue<decimal>());
        Assert.Empty(stored["targetRegions"]!.AsArray());
        Assert.Empty(stored["languages"]!.AsArray());
        Assert.False(stored["seeksExportOriented"]!.GetValue<bool>());
        Assert.Empty(stored["requiredCertifications"]!.AsArray());
        Assert.Null(stored["description"]);
        Assert.Equal("Zhang Min", stored["contact"]!["person"]!.GetValue<string>());
        Assert.Equal(before["createdAt"]!.GetValue<string>(), stored["createdAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creating_a_partner_with_a_uscc_another_partner_holds_is_a_conflict()
    {
        var first = await Api.UserAsync("partner");
        var body = Bodies.Partner();
        await Create.PartnerAsync(first, body);
        var second = await Api.UserAsync("partner");
        var copy = Bodies.Partner(name: "Copycat");
        copy["uscc"] = body["uscc"]!.GetValue<string>();

        var response = await second.Client.PostAsJsonAsync("/api/v1/partners", copy);

        await Expect.ProblemAsync(response, 409);
        var me = await Expect.StatusAsync(await second.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Null(me["partnerId"]);
    }

    [Fact]
    public async Task Updating_a_partner_to_a_uscc_another_partner_holds_is_a_conflict_and_changes_nothing()
    {
        var other = await Api.UserAsync("partner");
        var otherBody = Bodies.Partner();
        await Create.PartnerAsync(other, otherBody);
        var partner = await Api.UserAsync("partner");
        var body = Bodies.Partner();
        var id = await Create.PartnerAsync(partner, body);
        var etag = (await partner.Client.GetAsync($"/api/v1/partners/{id}")).ETag();
        var change = Bodies.Partner(name: "Taken USCC");
        change["uscc"] = otherBody["uscc"]!.GetValue<string>();

        var response = await partner.Client.PutAsync($"/api/v1/partners/{id}", change, etag);

        await Expect.ProblemAsync(response, 409);
        var after = await Expect.StatusAsync(await partner.Client.GetAsync($"/api/v1/partners/{id}"), 200);
        Assert.Equal(body["uscc"]!.GetValue<string>(), after["uscc"]!.GetValue<string>());
        Assert.Equal("Qingdao Machinery", after["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Updating_a_partner_keeping_its_own_uscc_is_not_a_conflict()
    {
        var partner = await Api.UserAsync("partner");
        var body = Bodies.Partner();
        var id = await Create.PartnerAsync(partner, body);
        var etag = (await partner.Client.GetAsync($"/api/v1/partners/{id}")).ETag();
        body["name"] = "Same USCC, new name";

        var updated = await Expect.StatusAsync(await partner.Client.PutAsync($"/api/v1/partners/{id}", body, etag), 200);

        Assert.Equal("Same USCC, new name", updated["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("id", "\"6f1c2f4e-8d5e-4a7b-9c1d-2e3f4a5b6c7d\"")]
    [InlineData("status", "\"active\"")]
    [InlineData("createdAt", "\"2026-01-01T00:00:00Z\"")]
    [InlineData("updatedAt", "\"2026-01-01T00:00:00Z\"")]
    public async Task Creating_a_partner_with_a_server_owned_field_is_refused_naming_it(string field, string json)
    {
        var partner = await Api.UserAsync("partner");
        var body = Bodies.Partner();
        body[field] = JsonNode.Parse(json);

        var response = await partner.Client.PostAsJsonAsync("/api/v1/partners", body);

        await Expect.ProblemAsync(response, 400, field);
        var me = await Expect.StatusAsync(await partner.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Null(me["partnerId"]);
    }

    [Theory]
    [InlineData("id", "\"6f1c2f4e-8d5e-4a7b-9c1d-2e3f4a5b6c7d\"")]
    [InlineData("createdAt", "\"2026-01-01T00:00:00Z\"")]
    public async Task Updating_a_partner_with_a_server_owned_field_is_refused_naming_it(string field, string json)
    {
        var partner = await Api.UserAsync("partner");
        var id = await Create.PartnerAsync(partner);
        var etag = (await partner.Client.GetAsync($"/api/v1/partners/{id}")).ETag();
        var body = Bodies.Partner(name: "Sneaky");
        body[field] = JsonNode.Parse(json);

        var response = await partner.Client.PutAsync($"/api/v1/partners/{id}", body, etag);

        await Expect.ProblemAsync(response, 400, field);
        var after = await Expect.StatusAsync(await partner.Client.GetAsync($"/api/v1/partners/{id}"), 200);
        Assert.Equal("Qingdao Machinery", after["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_partner_search_narrows_by_city()
    {
        var tag = Tag();
        var weifang = await CreatePartnerAsync($"Weifang Diesel {tag}", "weifang", ["C28"]);
        var yantai = await CreatePartnerAsync($"Yantai Ports {tag}", "yantai", ["H52"]);
        var sme = await Api.UserAsync("sme");

        Assert.Equal([yantai, weifang], await SearchAsync(sme, $"q={tag}"));
        Assert.Equal([weifang], await SearchAsync(sme, $"q={tag}&city=weifang"));
        Assert.Equal([yantai], await SearchAsync(sme, $"q={tag}&city=yantai"));
        Assert.Empty(await SearchAsync(sme, $"q={tag}&city=heze"));
    }

    [Fact]
    public async Task The_partner_search_narrows_by_sector_division_and_by_section_letter()
    {
        var tag = Tag();
        var machines = await CreatePartnerAsync($"Machines {tag}", "zibo", ["C28", "C29"]);
        var chemicals = await CreatePartnerAsync($"Chemicals {tag}", "zibo", ["C20"]);
        var builders = await CreatePartnerAsync($"Builders {tag}", "zibo", ["F41", "F42"]);
        var agency = await Api.UserAsync("agency");

        Assert.Equal([machines], await SearchAsync(agency, $"q={tag}&sector=C29"));
        Assert.Equal([chemicals], await SearchAsync(agency, $"q={tag}&sector=C20"));
        Assert.Equal([chemicals, machines], await SearchAsync(agency, $"q={tag}&sector=C"));
        Assert.Equal([builders], await SearchAsync(agency, $"q={tag}&sector=F"));
        Assert.Empty(await SearchAsync(agency, $"q={tag}&sector=A01"));
    }

    [Fact]
    public async Task The_partner_search_narrows_by_kind()
    {
        var tag = Tag();
        var maker = await CreatePartnerAsync($"Maker {tag}", "linyi", ["C28"], kind: "manufacturer");
        var fund = await CreatePartnerAsync($"Fund {tag}", "linyi", ["C28"], kind: "investor");
        var both = await CreatePartnerAsync($"Group {tag}", "linyi", ["C28"], kind: "both");
        var admin = await Api.AdminAsync();

        Assert.Equal([maker], await SearchAsync(admin, $"q={tag}&kind=manufacturer"));
        Assert.Equal([fund], await SearchAsync(admin, $"q={tag}&kind=investor"));
        Assert.Equal([both], await SearchAsync(admin, $"q={tag}&kind=both"));
    }

    [Fact]
    public async Task The_partner_search_finds_a_fragment_of_the_chinese_name()
    {
        var chinese = RandomHanzi(8);
        var found = await CreatePartnerAsync($"Rizhao Steel {Tag()}", "rizhao", ["C24"], nameZh: $"日照{chinese}钢铁");
        await CreatePartnerAsync($"Rizhao Paper {Tag()}", "rizhao", ["C17"], nameZh: $"日照{RandomHanzi(8)}纸业");
        var sme = await Api.UserAsync("sme");

        Assert.Equal([found], await SearchAsync(sme, $"q={Uri.EscapeDataString(chinese[2..6])}"));
        Assert.Equal([found], await SearchAsync(sme, $"q={Uri.EscapeDataString(chinese + "钢铁")}"));
    }

    [Fact]
    public async Task The_partner_search_shows_newest_first_and_pages_through_every_profile_once()
    {
        var tag = Tag();
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
            created.Add(await CreatePartnerAsync($"Paged {tag} {i}", "qingdao", ["C28"]));
        var sme = await Api.UserAsync("sme");

        var ids = new List<string>();
        var url = $"/api/v1/partners?q={tag}&limit=3";
        var pages = 0;
        while (url is not null)
        {
            var page = await Expect.StatusAsync(await sme.Client.GetAsync(url), 200);
            pages++;
            ids.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            var next = page["nextCursor"]?.GetValue<string>();
            url = next is null ? null : $"/api/v1/partners?q={tag}&limit=3&cursor={Uri.EscapeDataString(next)}";
        }

        Assert.Equal(3, pages);
        Assert.Equal(created.AsEnumerable().Reverse(), ids);
    }

    [Theory]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("q=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "q")]
    [InlineData("city=beijing", "city")]
    [InlineData("kind=trader", "kind")]
    [InlineData("sector=C99", "sector")]
    public async Task The_partner_search_refuses_a_bad_query_naming_the_parameter(string query, string field)
    {
        var admin = await Api.AdminAsync();

        await Expect.ProblemAsync(await admin.Client.GetAsync($"/api/v1/partners?{query}"), 400, field);
    }

    private async Task<string> CreatePartnerAsync(string name, string city, string[] sectors, string kind = "manufacturer", string nameZh = "山东机械")
    {
        var body = Bodies.Partner(name, nameZh, city, sectors);
        body["kind"] = kind;
        return (await Create.PartnerAccountAsync(Api, body)).PartnerId.ToString();
    }

    private static async Task<List<string>> SearchAsync(Actor caller, string query)
    {
        var page = await Expect.StatusAsync(await caller.Client.GetAsync($"/api/v1/partners?{query}"), 200);
        return Ids(page);
    }

    /// <summary>Random CJK unified ideographs, so a Chinese fragment is unique to the profile that holds it.</summary>
    private static string RandomHanzi(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => (char)Random.Shared.Next(0x4E00, 0x9FA5)));

    private static string Tag() => Guid.NewGuid().ToString("N");
}

public sealed class PartnerTestsOnSqlite(SqliteApi api) : PartnerTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class PartnerTestsOnSqlServer : PartnerTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public PartnerTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
