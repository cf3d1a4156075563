using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Shared;

/// <summary>The text rule as each request applies it; hostile-but-valid text goes in and comes back byte for byte.</summary>
public abstract class ProfileTextTests<TApi>(TApi api) where TApi : ApiFixture
{
    private const string Hostile = "<script>alert('x')</script> \"Ala-Too\" O'Brien; DROP TABLE smes;-- 🚀 阿拉套 Ала-Тоо";

    protected TApi Api { get; } = api;

    public static TheoryData<string, string> RefusedSmeFields => new()
    {
        { "name", "\u200B" },
        { "name", "\u202E" },
        { "name", "\u0000" },
        { "name", "\n" },
        { "contact.person", "\u200D" },
        { "contact.person", "\u2067" },
        { "contact.email", "\u200B" },
        { "description", "\u202E" },
        { "description", "\u0000" },
    };

    [Theory]
    [MemberData(nameof(RefusedSmeFields))]
    public async Task An_sme_profile_refuses_hidden_characters(string field, string hidden)
    {
        var owner = await Api.UserAsync("sme");
        var body = Bodies.Sme();
        Edit(body, field, hidden);

        await Expect.ProblemAsync(await owner.Client.PostAsJsonAsync("/api/v1/smes", body), 400, field);
    }

    public static TheoryData<string, string> RefusedPartnerFields => new()
    {
        { "name", "\u200C" },
        { "nameZh", "\u202E" },
        { "nameZh", "\uFEFF" },
        { "contact.person", "\u0007" },
        { "requiredCertifications", "\u202D" },
    };

    [Theory]
    [MemberData(nameof(RefusedPartnerFields))]
    public async Task A_partner_profile_refuses_hidden_characters(string field, string hidden)
    {
        var owner = await Api.UserAsync("partner");
        var body = Bodies.Partner();
        Edit(body, field, hidden);

        await Expect.ProblemAsync(await owner.Client.PostAsJsonAsync("/api/v1/partners", body), 400, field);
    }

    public static TheoryData<string, string> RefusedNeedFields => new()
    {
        { "title", "\u0000" },
        { "title", "\u202E" },
        { "title", "\n" },
        { "title", "\t" },
        { "description", "\u0000" },
        { "description", "\u2066" },
    };

    [Theory]
    [MemberData(nameof(RefusedNeedFields))]
    public async Task A_need_refuses_control_characters_and_bidirectional_overrides(string field, string hidden)
    {
        var (owner, smeId) = await Create.SmeAccountAsync(Api);
        var body = Bodies.Need();
        Edit(body, field, hidden);

        await Expect.ProblemAsync(await owner.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", body), 400, field);
    }

    [Fact]
    public async Task Hostile_but_valid_names_and_texts_come_back_byte_for_byte()
    {
        var owner = await Api.UserAsync("sme");
        var sme = Bodies.Sme(name: Hostile);
        sme["contact"]!["person"] = "Łukasz O'Connor-Ёлкин";
        sme["description"] = Hostile + "\nSecond line\twith a tab 👨‍👩‍👧";
        var smeId = await Create.SmeAsync(owner, sme);
        var need = Bodies.Need(title: Hostile);
        need["description"] = "Line one\r\nLine two 👨‍👩‍👧 \u200D joined";
        var needId = await Create.NeedAsync(owner, smeId, need);

        var readSme = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/smes/{smeId}"), 200);
        var readNeed = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/needs/{needId}"), 200);

        Assert.Equal(Hostile, readSme["name"]!.GetValue<string>());
        Assert.Equal(sme["contact"]!["person"]!.GetValue<string>(), readSme["contact"]!["person"]!.GetValue<string>());
        Assert.Equal(sme["description"]!.GetValue<string>(), readSme["description"]!.GetValue<string>());
        Assert.Equal(Hostile, readNeed["title"]!.GetValue<string>());
        Assert.Equal(need["description"]!.GetValue<string>(), readNeed["description"]!.GetValue<string>());
    }

    /// <summary>Puts the character inside the field's valid value (the first item of a list).</summary>
    private static void Edit(JsonObject body, string path, string hidden)
    {
        var parts = path.Split('.');
        var parent = parts.Length == 1 ? body : body[parts[0]]!.AsObject();
        var name = parts[^1];
        if (parent[name] is JsonArray list)
            list[0] = "ISO" + hidden + "9001";
        else
        {
            var value = parent[name]!.GetValue<string>();
            parent[name] = name == "email" ? value.Insert(2, hidden) : value[..2] + hidden + value[2..];
        }
    }
}

public sealed class ProfileTextTestsOnSqlite(SqliteApi api) : ProfileTextTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class ProfileTextTestsOnSqlServer : ProfileTextTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public ProfileTextTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
