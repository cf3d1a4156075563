using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Matchmaker.Tests.Harness.JsonLists;

namespace Matchmaker.Tests.Features.Smes;

public abstract class SmeTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    [Fact]
    public async Task Creating_an_sme_answers_201_with_location_and_etag_of_the_new_profile()
    {
        var sme = await Api.UserAsync("sme");
        var body = Bodies.Sme(name: "Ала-Тоо Машзавод", region: "KG-Y", sectors: ["C25", "C28"]);

        var response = await sme.Client.PostAsJsonAsync("/api/v1/smes", body);

        var created = await Expect.StatusAsync(response, 201);
        Assert.NotNull(response.Headers.Location);
        var etag = response.ETag();
        Assert.True(Guid.TryParse(created["id"]!.GetValue<string>(), out _));
        Assert.Equal("Ала-Тоо Машзавод", created["name"]!.GetValue<string>());
        Assert.Equal(body["inn"]!.GetValue<string>(), created["inn"]!.GetValue<string>());
        Assert.Equal("KG-Y", created["region"]!.GetValue<string>());
        Assert.Equal(["C25", "C28"], Strings(created["sectors"]));
        Assert.Equal(40, created["employees"]!.GetValue<int>());
        Assert.Equal(["ru", "en"], Strings(created["languages"]));
        Assert.Equal("+996 555 123 456", created["contact"]!["phone"]!.GetValue<string>());

        var readBack = await sme.Client.GetAsync(response.Headers.Location);
        var read = await Expect.StatusAsync(readBack, 200);
        Assert.True(JsonNode.DeepEquals(created, read), $"created {created.ToJsonString()} but read {read.ToJsonString()}");
        Assert.Equal(etag, readBack.ETag());
        var me = await Expect.StatusAsync(await sme.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Equal(created["id"]!.GetValue<string>(), me["smeId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reading_an_sme_returns_its_etag()
    {
        var sme = await Api.UserAsync("sme");
        var id = await Create.SmeAsync(sme);

        var response = await sme.Client.GetAsync($"/api/v1/smes/{id}");

        await Expect.StatusAsync(response, 200);
        Assert.False(string.IsNullOrEmpty(response.ETag()));
    }

    [Fact]
    public async Task Updating_an_sme_without_if_match_is_428_and_changes_nothing()
    {
        var sme = await Api.UserAsync("sme");
        var id = await Create.SmeAsync(sme);

        var response = await sme.Client.PutAsync($"/api/v1/smes/{id}", Bodies.Sme(name: "No precondition"), ifMatch: null);

        await Expect.ProblemAsync(response, 428);
        var after = await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/smes/{id}"), 200);
        Assert.Equal("Ala-Too Machine Works", after["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Updating_an_sme_with_a_stale_etag_is_412_and_changes_nothing()
    {
        var sme = await Api.UserAsync("sme");
        var id = await Create.SmeAsync(sme);
        var stale = (await sme.Client.GetAsync($"/api/v1/smes/{id}")).ETag();
        await Expect.StatusAsync(await sme.Client.PutAsync($"/api/v1/smes/{id}", Bodies.Sme(name: "First edit"), stale), 200);

        var response = await sme.Client.PutAsync($"/api/v1/smes/{id}", Bodies.Sme(name: "Lost edit"), stale);

        await Expect.ProblemAsync(response, 412);
        var after = await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/smes/{id}"), 200);
        Assert.Equal("First edit", after["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Updating_an_sme_with_the_current_etag_replaces_its_fields_and_gives_a_new_etag()
    {
        var sme = await Api.UserAsync("sme");
        var id = await Create.SmeAsync(sme);
        var read = await sme.Client.GetAsync($"/api/v1/smes/{id}");
        var before = await Expect.StatusAsync(read, 200);
        var body = Bodies.Sme(name: "Ош Текстиль", region: "KG-GO", sectors: ["C13", "C14"]);
        body["employees"] = 120;
        body["exportOriented"] = false;
        body["languages"] = Bodies.Array("ky");
        body["certifications"] = Bodies.Array("ISO 9001", "ISO 14001");
        body.Remove("description");
        body.Remove("foundedYear");
        body["contact"] = new JsonObject { ["person"] = "Nurlan Toktogulov", ["email"] = "nurlan@osh.example" };

        var response = await sme.Client.PutAsync($"/api/v1/smes/{id}", body, read.ETag());

        var updated = await Expect.StatusAsync(response, 200);
        Assert.NotEqual(read.ETag(), response.ETag());
        var after = await sme.Client.GetAsync($"/api/v1/smes/{id}");
        var stored = await Expect.StatusAsync(after, 200);
        Assert.Equal(response.ETag(), after.ETag());
        Assert.True(JsonNode.DeepEquals(updated, stored), $"PUT answered {updated.ToJsonString()} but GET reads {stored.ToJsonString()}");
        Assert.Equal(id.ToString(), stored["id"]!.GetValue<string>());
        Assert.Equal("Ош Текстиль", stored["name"]!.GetValue<string>());
        Assert.Equal(body["inn"]!.GetValue<string>(), stored["inn"]!.GetValue<string>());
        Assert.Equal("KG-GO", stored["region"]!.GetValue<string>());
        Assert.Equal(["C13", "C14"], Strings(stored["sectors"]));
        Assert.Equal(120, stored["employees"]!.GetValue<int>());
        Assert.False(stored["exportOriented"]!.GetValue<bool>());
        Assert.Equal(["ky"], Strings(stored["languages"]));
        Assert.Equal(["ISO 9001", "ISO 14001"], Strings(stored["certifications"]));
        Assert.Null(stored["description"]);
        Assert.Null(stored["foundedYear"]);
        Assert.Equal("Nurlan Toktogulov", stored["contact"]!["person"]!.GetValue<string>());
        Assert.Null(stored["contact"]!["phone"]);
        Assert.Equal(before["createdAt"]!.GetValue<string>(), stored["createdAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creating_an_sme_with_an_inn_another_sme_holds_is_a_conflict()
    {
        var first = await Api.UserAsync("sme");
        var body = Bodies.Sme();
        await Create.SmeAsync(first, body);
        var second = await Api.UserAsync("sme");
        var copy = Bodies.Sme(name: "Copycat");
        copy["inn"] = body["inn"]!.GetValue<string>();

        var response = await second.Client.PostAsJsonAsync("/api/v1/smes", copy);

        await Expect.ProblemAsync(response, 409);
        var me = await Expect.StatusAsync(await second.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Null(me["smeId"]);
    }

    [Fact]
    public async Task Updating_an_sme_to_an_inn_another_sme_holds_is_a_conflict_and_changes_nothing()
    {
        var other = await Api.UserAsync("sme");
        var otherBody = Bodies.Sme();
        await Create.SmeAsync(other, otherBody);
        var sme = await Api.UserAsync("sme");
        var body = Bodies.Sme();
        var id = await Create.SmeAsync(sme, body);
        var etag = (await sme.Client.GetAsync($"/api/v1/smes/{id}")).ETag();
        var change = Bodies.Sme(name: "Taken INN");
        change["inn"] = otherBody["inn"]!.GetValue<string>();

        var response = await sme.Client.PutAsync($"/api/v1/smes/{id}", change, etag);

        await Expect.ProblemAsync(response, 409);
        var after = await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/smes/{id}"), 200);
        Assert.Equal(body["inn"]!.GetValue<string>(), after["inn"]!.GetValue<string>());
        Assert.Equal("Ala-Too Machine Works", after["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Updating_an_sme_keeping_its_own_inn_is_not_a_conflict()
    {
        var sme = await Api.UserAsync("sme");
        var body = Bodies.Sme();
        var id = await Create.SmeAsync(sme, body);
        var etag = (await sme.Client.GetAsync($"/api/v1/smes/{id}")).ETag();
        body["name"] = "Same INN, new name";

        var updated = await Expect.StatusAsync(await sme.Client.PutAsync($"/api/v1/smes/{id}", body, etag), 200);

        Assert.Equal("Same INN, new name", updated["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_simultaneous_profiles_for_one_account_make_one_201_and_one_409()
    {
        var sme = await Api.UserAsync("sme");

        var responses = await Task.WhenAll(
            sme.Client.PostAsJsonAsync("/api/v1/smes", Bodies.Sme(name: "First try")),
            sme.Client.PostAsJsonAsync("/api/v1/smes", Bodies.Sme(name: "Second try")));

        Assert.Equal([201, 409], responses.Select(r => (int)r.StatusCode).Order());
        await Expect.ProblemAsync(responses.Single(r => (int)r.StatusCode == 409), 409);
    }

    [Fact]
    public async Task Two_simultaneous_profiles_with_one_inn_make_one_201_and_one_409()
    {
        var first = await Api.UserAsync("sme");
        var second = await Api.UserAsync("sme");
        var inn = Bodies.Inn();
        var firstBody = Bodies.Sme();
        firstBody["inn"] = inn;
        var secondBody = Bodies.Sme();
        secondBody["inn"] = inn;

        var responses = await Task.WhenAll(
            first.Client.PostAsJsonAsync("/api/v1/smes", firstBody),
            second.Client.PostAsJsonAsync("/api/v1/smes", secondBody));

        Assert.Equal([201, 409], responses.Select(r => (int)r.StatusCode).Order());
        await Expect.ProblemAsync(responses.Single(r => (int)r.StatusCode == 409), 409);
    }

    [Theory]
    [InlineData("id", "\"6f1c2f4e-8d5e-4a7b-9c1d-2e3f4a5b6c7d\"")]
    [InlineData("status", "\"open\"")]
    [InlineData("createdAt", "\"2026-01-01T00:00:00Z\"")]
    [InlineData("updatedAt", "\"2026-01-01T00:00:00Z\"")]
    public async Task Creating_an_sme_with_a_server_owned_field_is_refused_naming_it(string field, string json)
    {
        var sme = await Api.UserAsync("sme");
        var body = Bodies.Sme();
        body[field] = JsonNode.Parse(json);

        var response = await sme.Client.PostAsJsonAsync("/api/v1/smes", body);

        await Expect.ProblemAsync(response, 400, field);
        var me = await Expect.StatusAsync(await sme.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Null(me["smeId"]);
    }

    [Theory]
    [InlineData("id", "\"6f1c2f4e-8d5e-4a7b-9c1d-2e3f4a5b6c7d\"")]
    [InlineData("createdAt", "\"2026-01-01T00:00:00Z\"")]
    public async Task Updating_an_sme_with_a_server_owned_field_is_refused_naming_it(string field, string json)
    {
        var sme = await Api.UserAsync("sme");
        var id = await Create.SmeAsync(sme);
        var etag = (await sme.Client.GetAsync($"/api/v1/smes/{id}")).ETag();
        var body = Bodies.Sme(name: "Sneaky");
        body[field] = JsonNode.Parse(json);

        var response = await sme.Client.PutAsync($"/api/v1/smes/{id}", body, etag);

        await Expect.ProblemAsync(response, 400, field);
        var after = await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/smes/{id}"), 200);
        Assert.Equal("Ala-Too Machine Works", after["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_sme_search_narrows_by_region()
    {
        var tag = Tag();
        var (_, naryn) = await CreateSmeAsync($"Naryn Wool {tag}", "KG-N", ["A01"]);
        var (_, talas) = await CreateSmeAsync($"Talas Beans {tag}", "KG-T", ["C10"]);
        var admin = await Api.AdminAsync();

        Assert.Equal([talas, naryn], await SearchAsync(admin, $"q={tag}"));
        Assert.Equal([naryn], await SearchAsync(admin, $"q={tag}&region=KG-N"));
        Assert.Equal([talas], await SearchAsync(admin, $"q={tag}&region=KG-T"));
        Assert.Empty(await SearchAsync(admin, $"q={tag}&region=KG-B"));
    }

    [Fact]
    public async Task The_sme_search_narrows_by_sector_division_and_by_section_letter()
    {
        var tag = Tag();
        var (_, farm) = await CreateSmeAsync($"Farm {tag}", "KG-C", ["A01"]);
        var (_, works) = await CreateSmeAsync($"Works {tag}", "KG-C", ["C25", "C28"]);
        var (_, bakery) = await CreateSmeAsync($"Bakery {tag}", "KG-C", ["C10"]);
        var partner = await Api.UserAsync("partner");

        Assert.Equal([works], await SearchAsync(partner, $"q={tag}&sector=C28"));
        Assert.Equal([works], await SearchAsync(partner, $"q={tag}&sector=C25"));
        Assert.Equal([bakery, works], await SearchAsync(partner, $"q={tag}&sector=C"));
        Assert.Equal([farm], await SearchAsync(partner, $"q={tag}&sector=A"));
        Assert.Empty(await SearchAsync(partner, $"q={tag}&sector=F41"));
    }

    [Fact]
    public async Task The_sme_search_finds_a_cyrillic_name_fragment_in_any_letter_case()
    {
        var tag = Tag();
        var (_, machines) = await CreateSmeAsync($"Ала-Тоо Машзавод {tag}", "KG-C", ["C28"]);
        await CreateSmeAsync($"Ала-Тоо Текстиль {tag}", "KG-C", ["C13"]);
        var agency = await Api.UserAsync("agency");

        Assert.Equal([machines], await SearchAsync(agency, $"q={Uri.EscapeDataString($"машзавод {tag}")}"));
        Assert.Equal([machines], await SearchAsync(agency, $"q={Uri.EscapeDataString($"МАШЗАВОД {tag.ToUpperInvariant()}")}"));
    }

    [Fact]
    public async Task The_sme_search_finds_kyrgyz_letters_in_any_letter_case()
    {
        var tag = Tag();
        var (_, rice) = await CreateSmeAsync($"Өзгөн Күрүч Үй {tag}", "KG-O", ["A01"]);
        var agency = await Api.UserAsync("agency");

        Assert.Equal([rice], await SearchAsync(agency, $"q={Uri.EscapeDataString($"өЗГӨН күРҮЧ үй {tag}")}"));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    public async Task A_wildcard_in_the_sme_search_matches_only_itself(string wildcard)
    {
        var tag = Tag();
        var (_, literal) = await CreateSmeAsync($"Wool {tag} 100{wildcard}", "KG-N", ["C13"]);
        await CreateSmeAsync($"Wool {tag} 1000", "KG-N", ["C13"]);
        var admin = await Api.AdminAsync();

        Assert.Equal([literal], await SearchAsync(admin, $"q={Uri.EscapeDataString($"{tag} 100{wildcard}")}"));
    }

    [Fact]
    public async Task The_sme_search_shows_newest_first_and_pages_through_every_profile_once()
    {
        var tag = Tag();
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
            created.Add((await CreateSmeAsync($"Paged {tag} {i}", "KG-C", ["C28"])).Id);
        var admin = await Api.AdminAsync();

        var seen = await Paging.WalkAsync(admin.Client, $"/api/v1/smes?q={tag}&limit=3", expectedPages: 3);

        Assert.Equal(created.AsEnumerable().Reverse(), seen);
    }

    [Theory]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("q=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "q")]
    [InlineData("region=KG-X", "region")]
    [InlineData("sector=C99", "sector")]
    public async Task The_sme_search_refuses_a_bad_query_naming_the_parameter(string query, string field)
    {
        var admin = await Api.AdminAsync();

        await Expect.ProblemAsync(await admin.Client.GetAsync($"/api/v1/smes?{query}"), 400, field);
    }

    private async Task<(Actor Owner, string Id)> CreateSmeAsync(string name, string region, string[] sectors)
    {
        var (owner, id) = await Create.SmeAccountAsync(Api, Bodies.Sme(name, region, sectors));
        return (owner, id.ToString());
    }

    private static async Task<List<string>> SearchAsync(Actor caller, string query)
    {
        var page = await Expect.StatusAsync(await caller.Client.GetAsync($"/api/v1/smes?{query}"), 200);
        return Ids(page);
    }

    private static string Tag() => Guid.NewGuid().ToString("N");
}

public sealed class SmeTestsOnSqlite(SqliteApi api) : SmeTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class SmeTestsOnSqlServer : SmeTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public SmeTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
