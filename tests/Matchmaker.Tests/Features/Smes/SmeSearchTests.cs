using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Matchmaker.Tests.Harness.JsonLists;
using static Matchmaker.Tests.Harness.SearchWords;

namespace Matchmaker.Tests.Features.Smes;

/// <summary><c>GET /smes?q=</c>: names in every script, the Latin name and the description, with letter case and ё/е folded.</summary>
public abstract class SmeSearchTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task The_sme_search_reads_yo_as_ye_and_ignores_cyrillic_case_both_ways()
    {
        var word = Cyrillic();
        var green = await CreateAsync(Body($"Зелёная Долина {word}"));
        var pine = await CreateAsync(Body($"ЕЛОВЫЙ БОР {word}"));
        var partner = await api.UserAsync("partner");

        Assert.Equal([green], await SearchAsync(partner, Query($"ЗЕЛЕНАЯ долина {word.ToLowerInvariant()}")));
        Assert.Equal([pine], await SearchAsync(partner, Query($"ёловый бор {word}")));
        Assert.Equal([pine, green], await SearchAsync(partner, Query(word.ToLowerInvariant())));
    }

    [Fact]
    public async Task The_sme_search_finds_the_latin_name_in_any_letter_case_and_answers_it()
    {
        var word = Latin();
        var body = Body("Ала-Тоо Машзавод");
        body["nameEn"] = $"Ala-Too Mashzavod {word}";
        var id = await CreateAsync(body);
        var agency = await api.UserAsync("agency");

        var page = await Expect.StatusAsync(await agency.Client.GetAsync($"/api/v1/smes?{Query($"MASHZAVOD {word.ToUpperInvariant()}")}"), 200);

        Assert.Equal([id], Ids(page));
        Assert.Equal($"Ala-Too Mashzavod {word}", page["items"]![0]!["nameEn"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_sme_search_finds_a_fragment_of_the_description_in_any_script()
    {
        var hanzi = Hanzi();
        var word = Cyrillic();
        var body = Body($"Описание {Latin()}");
        body["description"] = $"Токарные станки с ЧПУ, {word} ёмкости. 数控车床{hanzi}。";
        var id = await CreateAsync(body);
        var admin = await api.AdminAsync();

        Assert.Equal([id], await SearchAsync(admin, Query(hanzi[2..6])));
        Assert.Equal([id], await SearchAsync(admin, Query($"{word.ToLowerInvariant()} емкости")));
    }

    [Fact]
    public async Task A_query_never_matches_across_the_name_and_the_description()
    {
        var word = Latin();
        var body = Body($"Apricot {word}");
        body["description"] = "Orchard near Batken.";
        await CreateAsync(body);
        var admin = await api.AdminAsync();

        Assert.Empty(await SearchAsync(admin, Query($"{word} orchard")));
    }

    [Fact]
    public async Task Renaming_an_sme_moves_it_from_the_old_names_search_to_the_new_ones()
    {
        var (oldWord, newWord) = (Cyrillic(), Cyrillic());
        var owner = await api.UserAsync("sme");
        var body = Body($"Старое {oldWord}");
        var id = (await Create.SmeAsync(owner, body)).ToString();
        var etag = (await owner.Client.GetAsync($"/api/v1/smes/{id}")).ETag();
        body["name"] = $"Новое {newWord}";
        body["nameEn"] = $"Novoe {newWord}";
        await Expect.StatusAsync(await owner.Client.PutAsync($"/api/v1/smes/{id}", body, etag), 200);
        var admin = await api.AdminAsync();

        Assert.Empty(await SearchAsync(admin, Query(oldWord)));
        Assert.Equal([id], await SearchAsync(admin, Query($"новое {newWord}")));
        Assert.Equal([id], await SearchAsync(admin, Query($"NOVOE {newWord}")));
    }

    [Theory]
    [InlineData("Ala\u200BToo")]
    [InlineData("Ala\u202EooT")]
    [InlineData("Ala\u0007Too")]
    public async Task A_latin_name_with_an_invisible_or_reordering_character_is_400_and_stores_nothing(string nameEn)
    {
        var owner = await api.UserAsync("sme");
        var body = Body($"Скрытое {Cyrillic()}");
        body["nameEn"] = nameEn;

        await Expect.ProblemAsync(await owner.Client.PostAsJsonAsync("/api/v1/smes", body), 400, "nameEn");

        var me = await Expect.StatusAsync(await owner.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Null(me["smeId"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_latin_name_over_200_characters_is_400_and_changes_nothing()
    {
        var owner = await api.UserAsync("sme");
        var body = Body("Ала-Тоо");
        var id = (await Create.SmeAsync(owner, body)).ToString();
        var before = await owner.Client.GetAsync($"/api/v1/smes/{id}");
        body["nameEn"] = new string('a', 201);

        await Expect.ProblemAsync(await owner.Client.PutAsync($"/api/v1/smes/{id}", body, before.ETag()), 400, "nameEn");

        var after = await owner.Client.GetAsync($"/api/v1/smes/{id}");
        Assert.Equal(before.ETag(), after.ETag());
        Assert.Null((await Expect.StatusAsync(after, 200))["nameEn"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("Ala\nToo")]
    [InlineData("Ala\tToo")]
    [InlineData("Ala\u202EToo")]
    public async Task A_query_with_a_control_character_is_400_naming_q(string q)
    {
        var admin = await api.AdminAsync();

        await Expect.ProblemAsync(await admin.Client.GetAsync($"/api/v1/smes?{Query(q)}"), 400, "q");
    }

    private static JsonObject Body(string name) => Bodies.Sme(name: name);

    private async Task<string> CreateAsync(JsonObject body) => (await Create.SmeAccountAsync(api, body)).SmeId.ToString();

    private static async Task<List<string>> SearchAsync(Actor caller, string query) =>
        Ids(await Expect.StatusAsync(await caller.Client.GetAsync($"/api/v1/smes?{query}&limit=100"), 200));
}

public sealed class SmeSearchTestsOnSqlite(SqliteApi api) : SmeSearchTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class SmeSearchTestsOnSqlServer : SmeSearchTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public SmeSearchTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
