using System.Text.Json.Nodes;
using static Matchmaker.Tests.Harness.JsonLists;
using static Matchmaker.Tests.Harness.SearchWords;

namespace Matchmaker.Tests.Features.Needs;

/// <summary><c>GET /needs?q=</c>: the title, the description and the SME's names, with letter case and ё/е folded.</summary>
public abstract class NeedSearchTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task The_need_search_finds_a_title_reading_yo_as_ye_in_any_letter_case()
    {
        var word = Cyrillic();
        var (owner, smeId) = await Create.SmeAccountAsync(api, Bodies.Sme(name: $"Сыродел {Latin()}"));
        var cheese = await Create.NeedAsync(owner, smeId, Bodies.Need(title: $"Линия для твёрдого сыра {word}"));
        await Create.NeedAsync(owner, smeId, Bodies.Need(title: $"Склад {word}"));
        var partner = await api.UserAsync("partner");

        Assert.Equal([cheese.ToString()], await SearchAsync(partner, Query($"ТВЕРДОГО СЫРА {word.ToLowerInvariant()}")));
    }

    [Fact]
    public async Task The_need_search_finds_a_fragment_of_the_description_and_a_chinese_title()
    {
        var (word, hanzi) = (Cyrillic(), Hanzi());
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        var described = Bodies.Need(title: "Packaging line");
        described["description"] = $"Нужна упаковочная линия {word}, 2 000 пакетов в час.";
        var packaging = await Create.NeedAsync(owner, smeId, described);
        var chinese = await Create.NeedAsync(owner, smeId, Bodies.Need(title: $"数控机床{hanzi}生产线"));
        var agency = await api.UserAsync("agency");

        Assert.Equal([packaging.ToString()], await SearchAsync(agency, Query($"упаковочная ЛИНИЯ {word}")));
        Assert.Equal([chinese.ToString()], await SearchAsync(agency, Query(hanzi[3..7])));
    }

    [Fact]
    public async Task The_need_search_finds_the_needs_of_an_sme_by_its_name_and_its_latin_name()
    {
        var (word, latin) = (Cyrillic(), Latin());
        var body = Bodies.Sme(name: $"Ёлочка {word}");
        body["nameEn"] = $"Yolochka {latin}";
        var (owner, smeId) = await Create.SmeAccountAsync(api, body);
        var first = await Create.NeedAsync(owner, smeId, Bodies.Need(title: "Sawmill"));
        var second = await Create.NeedAsync(owner, smeId, Bodies.Need(title: "Drying kiln"));
        var admin = await api.AdminAsync();

        Assert.Equal([second.ToString(), first.ToString()], await SearchAsync(admin, Query($"елочка {word.ToLowerInvariant()}")));
        Assert.Equal([second.ToString(), first.ToString()], await SearchAsync(admin, Query($"YOLOCHKA {latin}")));
    }

    [Fact]
    public async Task The_need_search_does_not_match_the_smes_description()
    {
        var word = Latin();
        var body = Bodies.Sme(name: "Дескрипшн");
        body["description"] = $"Workshop {word}";
        var (owner, smeId) = await Create.SmeAccountAsync(api, body);
        await Create.NeedAsync(owner, smeId);
        var admin = await api.AdminAsync();

        Assert.Empty(await SearchAsync(admin, Query(word)));
    }

    [Fact]
    public async Task Renaming_the_sme_changes_which_names_find_its_needs()
    {
        var (oldWord, newWord) = (Cyrillic(), Cyrillic());
        var body = Bodies.Sme(name: $"Старое {oldWord}");
        var (owner, smeId) = await Create.SmeAccountAsync(api, body);
        var need = (await Create.NeedAsync(owner, smeId)).ToString();
        var etag = (await owner.Client.GetAsync($"/api/v1/smes/{smeId}")).ETag();
        body["name"] = $"Новое {newWord}";
        await Expect.StatusAsync(await owner.Client.PutAsync($"/api/v1/smes/{smeId}", body, etag), 200);
        var partner = await api.UserAsync("partner");

        Assert.Empty(await SearchAsync(partner, Query(oldWord)));
        Assert.Equal([need], await SearchAsync(partner, Query(newWord.ToLowerInvariant())));
    }

    [Fact]
    public async Task A_query_with_a_line_break_is_400_naming_q()
    {
        var partner = await api.UserAsync("partner");

        await Expect.ProblemAsync(await partner.Client.GetAsync($"/api/v1/needs?{Query("line\nbreak")}"), 400, "q");
    }

    private static async Task<List<string>> SearchAsync(Actor caller, string query) =>
        Ids(await Expect.StatusAsync(await caller.Client.GetAsync($"/api/v1/needs?{query}&limit=100"), 200));
}

public sealed class NeedSearchTestsOnSqlite(SqliteApi api) : NeedSearchTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class NeedSearchTestsOnSqlServer : NeedSearchTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public NeedSearchTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
