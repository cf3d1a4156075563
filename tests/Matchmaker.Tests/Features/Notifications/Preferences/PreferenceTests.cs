using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Matchmaker.Api.Features.Notifications.Preferences;

namespace Matchmaker.Tests.Features.Notifications.Preferences;

/// <summary><c>GET|PUT /api/v1/me/notifications</c>, the language an account starts in, and the effective preferences the fan-out reads.</summary>
public abstract partial class PreferenceTests<TApi>(TApi api) where TApi : ApiFixture
{
    private const string Route = "/api/v1/me/notifications";

    private async Task<Actor> RegisterAsync(string role, string? acceptLanguage)
    {
        var email = api.UniqueEmail(role);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register")
        {
            Content = JsonContent.Create(new JsonObject { ["email"] = email, ["password"] = ApiFixture.Password, ["role"] = role }),
        };
        if (acceptLanguage is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        await Expect.StatusAsync(await api.CreateClient().SendAsync(request), 201);
        return await api.SignInAsync(email, ApiFixture.Password, role);
    }

    private async Task<Actor> AdminCreatedAsync(string role)
    {
        var email = api.UniqueEmail(role);
        var admin = await api.AdminAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/users")
        {
            Content = JsonContent.Create(new JsonObject { ["email"] = email, ["password"] = ApiFixture.Password, ["role"] = role }),
        };
        // The admin's own language is not the new account's.
        request.Headers.TryAddWithoutValidation("Accept-Language", "ru");
        await Expect.StatusAsync(await admin.Client.SendAsync(request), 201);
        return new Actor(email, role, "", api.CreateClient(), Guid.Empty);
    }

    private async Task<Actor> SignInAsync(Actor account, string? acceptLanguage)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { email = account.Email, password = ApiFixture.Password }) };
        if (acceptLanguage is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        var token = (await Expect.StatusAsync(await api.CreateClient().SendAsync(request), 200))["accessToken"]!.GetValue<string>();
        var client = api.CreateClient(token);
        var me = await Expect.StatusAsync(await client.GetAsync("/api/v1/auth/me"), 200);
        return new Actor(account.Email, account.Role, token, client, Guid.Parse(me["id"]!.GetValue<string>()));
    }

    private static async Task<JsonNode> ReadAsync(Actor account) => await Expect.StatusAsync(await account.Client.GetAsync(Route), 200);

    private static void AssertPreferences(JsonNode body, string email, string language, decimal minScore)
    {
        Assert.Equal(email, body["email"]!.GetValue<string>());
        Assert.Equal(language, body["language"]!.GetValue<string>());
        Assert.Equal(minScore, body["minScore"]!.GetValue<decimal>());
        Assert.Equal(3, body.AsObject().Count);
    }

    private static JsonObject Body(string email = "daily", string language = "zh", decimal minScore = 80.5m) =>
        new() { ["email"] = email, ["language"] = language, ["minScore"] = minScore };

    [Fact]
    public async Task A_new_account_has_the_defaults()
    {
        var sme = await RegisterAsync("sme", null);

        AssertPreferences(await ReadAsync(sme), "immediate", "en", 70m);
    }

    [Theory]
    [InlineData("ru-RU,ru;q=0.9,en;q=0.8", "ru")]
    [InlineData("ru", "ru")]
    [InlineData("zh-CN", "zh")]
    [InlineData("zh-TW,zh;q=0.9", "zh")]
    [InlineData("en-GB", "en")]
    [InlineData("de-DE", "en")]
    [InlineData("de, fr;q=0.9", "en")]
    [InlineData("de;q=1, zh;q=0.5, ru;q=0.8", "ru")]
    [InlineData("ru;q=0.2, en;q=0.7", "en")]
    [InlineData("en;q=0.3, zh;q=0.6", "zh")]
    [InlineData("ru;q=0, zh;q=0.1", "zh")]
    [InlineData("*", "en")]
    [InlineData("not a language header;;;", "en")]
    public async Task The_language_starts_as_the_best_of_en_ru_zh_in_the_registrations_accept_language(string acceptLanguage, string expected)
    {
        var partner = await RegisterAsync("partner", acceptLanguage);

        AssertPreferences(await ReadAsync(partner), "immediate", expected, 70m);
    }

    [Fact]
    public async Task A_registered_accounts_sign_in_does_not_change_its_language()
    {
        var sme = await RegisterAsync("sme", "ru");

        var signedIn = await SignInAsync(sme, "zh-CN");

        AssertPreferences(await ReadAsync(signedIn), "immediate", "ru", 70m);
    }

    [Theory]
    [InlineData("agency", "zh-CN", "zh")]
    [InlineData("admin", "ru-RU", "ru")]
    [InlineData("agency", null, "en")]
    [InlineData("admin", "de", "en")]
    public async Task An_admin_created_account_takes_the_language_of_its_first_sign_in(string role, string? firstSignIn, string expected)
    {
        var created = await AdminCreatedAsync(role);

        var first = await SignInAsync(created, firstSignIn);
        var later = await SignInAsync(created, firstSignIn == "ru-RU" ? "zh" : "ru");

        AssertPreferences(await ReadAsync(first), "immediate", expected, 70m);
        AssertPreferences(await ReadAsync(later), "immediate", expected, 70m);
    }

    [Fact]
    public async Task Put_replaces_the_whole_object_and_get_reads_it_back()
    {
        var sme = await RegisterAsync("sme", "ru");
        var other = await RegisterAsync("sme", "ru");

        var first = await Expect.StatusAsync(await sme.Client.PutAsJsonAsync(Route, Body("daily", "zh", 80.5m)), 200);
        AssertPreferences(first, "daily", "zh", 80.5m);
        AssertPreferences(await ReadAsync(sme), "daily", "zh", 80.5m);

        var second = await Expect.StatusAsync(await sme.Client.PutAsJsonAsync(Route, Body("off", "en", 0m)), 200);
        AssertPreferences(second, "off", "en", 0m);
        AssertPreferences(await ReadAsync(sme), "off", "en", 0m);
        AssertPreferences(await ReadAsync(other), "immediate", "ru", 70m);
    }

    [Fact]
    public async Task Put_needs_no_if_match_and_the_last_write_wins()
    {
        var partner = await RegisterAsync("partner", null);

        var writes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            partner.Client.PutAsJsonAsync(Route, Body("daily", "ru", 90m + i))));

        Assert.All(writes, w => Assert.Equal(200, (int)w.StatusCode));
        var read = await ReadAsync(partner);
        Assert.Contains(read["minScore"]!.GetValue<decimal>(), Enumerable.Range(0, 6).Select(i => 90m + i));
        var last = await Expect.StatusAsync(await partner.Client.PutAsJsonAsync(Route, Body("immediate", "zh", 100m)), 200);
        AssertPreferences(await ReadAsync(partner), "immediate", "zh", 100m);
        AssertPreferences(last, "immediate", "zh", 100m);
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { """{"language":"ru","minScore":70}""", "email" },
        { """{"email":null,"language":"ru","minScore":70}""", "email" },
        { """{"email":"weekly","language":"ru","minScore":70}""", "email" },
        { """{"email":"Daily","language":"ru","minScore":70}""", "email" },
        { """{"email":"","language":"ru","minScore":70}""", "email" },
        { """{"email":"daily","minScore":70}""", "language" },
        { """{"email":"daily","language":"de","minScore":70}""", "language" },
        { """{"email":"daily","language":"zh-CN","minScore":70}""", "language" },
        { """{"email":"daily","language":"ru"}""", "minScore" },
        { """{"email":"daily","language":"ru","minScore":null}""", "minScore" },
        { """{"email":"daily","language":"ru","minScore":100.1}""", "minScore" },
        { """{"email":"daily","language":"ru","minScore":-1}""", "minScore" },
        { """{"email":"daily","language":"ru","minScore":70.25}""", "minScore" },
        { """{"email":"daily","language":"ru","minScore":"seventy"}""", "minScore" },
        { """{"email":"daily","language":"ru","minScore":70,"userId":1}""", "userId" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_preferences_are_400_naming_the_field_and_change_nothing(string body, string field)
    {
        var sme = await RegisterAsync("sme", null);
        await Expect.StatusAsync(await sme.Client.PutAsJsonAsync(Route, Body("daily", "ru", 75m)), 200);

        var response = await sme.Client.PutAsync(Route, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await Expect.ProblemAsync(response, 400, field);
        AssertPreferences(await ReadAsync(sme), "daily", "ru", 75m);
    }

    [Theory]
    [InlineData("en", null, "language", """{"email":"daily","language":"de","minScore":70}""")]
    [InlineData("ru", "ru", "language", """{"email":"daily","language":"de","minScore":70}""")]
    [InlineData("zh", "zh-CN", "language", """{"email":"daily","language":"de","minScore":70}""")]
    [InlineData("ru", "ru", "email", """{"email":"weekly","language":"ru","minScore":70}""")]
    [InlineData("zh", "zh", "email", """{"email":"weekly","language":"ru","minScore":70}""")]
    [InlineData("ru", "ru", "minScore", """{"email":"daily","language":"ru","minScore":101}""")]
    [InlineData("zh", "zh", "minScore", """{"email":"daily","language":"ru"}""")]
    public async Task Validation_messages_follow_accept_language(string expected, string? acceptLanguage, string field, string body)
    {
        var sme = await RegisterAsync("sme", null);
        var request = new HttpRequestMessage(HttpMethod.Put, Route) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (acceptLanguage is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var problem = await Expect.ProblemAsync(await sme.Client.SendAsync(request), 400, field);

        var message = problem["errors"]![field]![0]!.GetValue<string>();
        var script = Cyrillic().IsMatch(message) ? "ru" : Han().IsMatch(message) ? "zh" : "en";
        Assert.True(expected == script, $"expected a {expected} message, got: {message}");
    }

    [Theory]
    [InlineData("sme")]
    [InlineData("partner")]
    [InlineData("agency")]
    [InlineData("admin")]
    public async Task Every_role_reads_and_replaces_its_own_preferences(string role)
    {
        var account = await api.UserAsync(role);

        AssertPreferences(await ReadAsync(account), "immediate", "en", 70m);
        await Expect.StatusAsync(await account.Client.PutAsJsonAsync(Route, Body("off", "ru", 55m)), 200);
        AssertPreferences(await ReadAsync(account), "off", "ru", 55m);
    }

    [Fact]
    public async Task Without_a_token_it_is_401()
    {
        var anonymous = api.CreateClient();

        Assert.Equal(401, (int)(await anonymous.GetAsync(Route)).StatusCode);
        Assert.Equal(401, (int)(await anonymous.PutAsJsonAsync(Route, Body())).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_accounts_token_gets_401_and_changes_nothing()
    {
        var sme = await api.UserAsync("sme");
        await Expect.StatusAsync(await sme.Client.PutAsJsonAsync(Route, Body("daily", "zh", 60m)), 200);
        var admin = await api.AdminAsync();
        var read = await admin.Client.GetAsync($"/api/v1/admin/users/{sme.UserId}");
        await Expect.StatusAsync(await admin.Client.PutAsync($"/api/v1/admin/users/{sme.UserId}", new JsonObject { ["role"] = "sme", ["isActive"] = false }, read.ETag()), 200);

        Assert.Equal(401, (int)(await sme.Client.GetAsync(Route)).StatusCode);
        Assert.Equal(401, (int)(await sme.Client.PutAsJsonAsync(Route, Body("off", "en", 0m))).StatusCode);
        var stored = await EffectiveAsync([sme]);
        Assert.Equal(new NotificationPreferences("daily", "zh", 60m), stored.Values.Single());
    }

    [Fact]
    public async Task The_effective_preferences_of_many_accounts_fill_in_the_defaults()
    {
        var set = await RegisterAsync("sme", null);
        var russian = await RegisterAsync("partner", "ru");
        var unset = await AdminCreatedAsync("agency");
        await Expect.StatusAsync(await set.Client.PutAsJsonAsync(Route, Body("daily", "zh", 85m)), 200);

        await using var connection = await api.OpenDatabaseAsync();
        var ids = await InternalIdsAsync(connection, set.Email, russian.Email, unset.Email);
        var effective = await PreferenceStore.ForUsersAsync(connection, null, [.. ids, 987_654_321], CancellationToken.None);

        Assert.Equal(3, effective.Count);
        Assert.Equal(new NotificationPreferences("daily", "zh", 85m), effective[ids[0]]);
        Assert.Equal(new NotificationPreferences("immediate", "ru", 70m), effective[ids[1]]);
        Assert.Equal(new NotificationPreferences("immediate", "en", 70m), effective[ids[2]]);
    }

    private async Task<IReadOnlyDictionary<long, NotificationPreferences>> EffectiveAsync(IEnumerable<Actor> accounts)
    {
        await using var connection = await api.OpenDatabaseAsync();
        var ids = await InternalIdsAsync(connection, [.. accounts.Select(a => a.Email)]);
        return await PreferenceStore.ForUsersAsync(connection, null, ids, CancellationToken.None);
    }

    private static async Task<long[]> InternalIdsAsync(System.Data.Common.DbConnection connection, params string[] emails)
    {
        var ids = new List<long>();
        foreach (var email in emails)
            ids.Add(await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT id FROM users WHERE email = @Email", new { Email = email }));
        return [.. ids];
    }

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}

public sealed class PreferenceTestsOnSqlite(SqliteApi api) : PreferenceTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class PreferenceTestsOnSqlServer : PreferenceTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public PreferenceTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
