using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;

namespace Matchmaker.Tests.Features.Webhooks;

public abstract class WebhookTests<TApi>(TApi api) where TApi : ApiFixture
{
    // A public address written as a literal: accepted without DNS, and never called, since nothing is delivered yet.
    public const string PublicUrl = "https://93.184.215.14/hooks/matchmaker";
    private const string SecretPattern = "^whsec_[A-Za-z0-9+/]{43}=$";

    protected TApi Api { get; } = api;

    private async Task<Actor> CallerAsync(string role) => role == "admin" ? await Api.AdminAsync() : await Api.UserAsync(role);

    private static JsonObject Body(string url = PublicUrl, string? description = "CRM intake", params string[] events) => new()
    {
        ["url"] = url,
        ["events"] = new JsonArray((events.Length == 0 ? ["match.mutual"] : events).Select(e => (JsonNode?)e).ToArray()),
        ["description"] = description,
    };

    private static async Task<(JsonObject Created, HttpResponseMessage Response)> CreateAsync(Actor owner, JsonObject body)
    {
        var response = await owner.Client.PostAsJsonAsync("/api/v1/webhooks", body);
        return ((await Expect.StatusAsync(response, 201)).AsObject(), response);
    }

    private static string Url(JsonObject webhook) => $"/api/v1/webhooks/{webhook["id"]}";

    [Theory]
    [InlineData("sme", "match.suggested", "need.expiring")]
    [InlineData("partner", "match.suggested", "outcome.due")]
    [InlineData("agency", "job.completed", "need.expired")]
    [InlineData("admin", "job.completed", "match.stage_changed")]
    public async Task Every_role_creates_reads_lists_replaces_and_deletes_its_own_subscriptions(string role, string first, string second)
    {
        var owner = await CallerAsync(role);

        var (created, response) = await CreateAsync(owner, Body(events: [first]));
        Assert.EndsWith($"/api/v1/webhooks/{created["id"]}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.ETag());
        Assert.Matches(SecretPattern, created["secret"]!.GetValue<string>());
        Assert.Equal((PublicUrl, "CRM intake", 1), (created["url"]!.GetValue<string>(), created["description"]!.GetValue<string>(), created["version"]!.GetValue<int>()));

        var read = await owner.Client.GetAsync(Url(created));
        var webhook = (await Expect.StatusAsync(read, 200)).AsObject();
        Assert.Equal([first], webhook["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Contains(await Paging.AllAsync(owner.Client, "/api/v1/webhooks", 100), w => w["id"]!.ToString() == created["id"]!.ToString());

        var replaced = await owner.Client.PutAsync(Url(created), Body("https://93.184.215.14/v2", null, first, second), read.ETag());
        var updated = (await Expect.StatusAsync(replaced, 200)).AsObject();
        Assert.Equal(("https://93.184.215.14/v2", 2), (updated["url"]!.GetValue<string>(), updated["version"]!.GetValue<int>()));
        Assert.Null(updated["description"]);
        Assert.Equal([first, second], updated["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal("\"2\"", replaced.ETag());

        await Expect.StatusAsync(await owner.Client.DeleteAsync(Url(created)), 204);
        await Expect.ProblemAsync(await owner.Client.GetAsync(Url(created)), 404);
        Assert.DoesNotContain(await Paging.AllAsync(owner.Client, "/api/v1/webhooks", 100), w => w["id"]!.ToString() == created["id"]!.ToString());
    }

    [Theory]
    [InlineData("sme")]
    [InlineData("partner")]
    [InlineData("agency")]
    [InlineData("admin")]
    public async Task Nobody_but_the_owner_sees_or_touches_a_subscription_not_even_the_admin(string other)
    {
        var owner = await Api.UserAsync("sme");
        var (created, _) = await CreateAsync(owner, Body());
        var intruder = await CallerAsync(other);
        var etag = (await owner.Client.GetAsync(Url(created))).ETag();

        await Expect.ProblemAsync(await intruder.Client.GetAsync(Url(created)), 404);
        await Expect.ProblemAsync(await intruder.Client.PutAsync(Url(created), Body(), etag), 404);
        await Expect.ProblemAsync(await intruder.Client.PostAsync($"{Url(created)}/rotate-secret", null), 404);
        await Expect.ProblemAsync(await intruder.Client.DeleteAsync(Url(created)), 404);
        Assert.DoesNotContain(await Paging.AllAsync(intruder.Client, "/api/v1/webhooks", 100), w => w["id"]!.ToString() == created["id"]!.ToString());

        var still = (await Expect.StatusAsync(await owner.Client.GetAsync(Url(created)), 200)).AsObject();
        Assert.Equal(1, still["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_secret_is_shown_only_at_creation_and_rotation_and_rotation_replaces_it()
    {
        var owner = await Api.UserAsync("partner");
        var (created, _) = await CreateAsync(owner, Body());
        var first = created["secret"]!.GetValue<string>();

        var read = (await Expect.StatusAsync(await owner.Client.GetAsync(Url(created)), 200)).AsObject();
        Assert.False(read.ContainsKey("secret"));
        Assert.All(await Paging.AllAsync(owner.Client, "/api/v1/webhooks", 100), w => Assert.False(w.ContainsKey("secret")));

        var rotation = await owner.Client.PostAsync($"{Url(created)}/rotate-secret", null);
        var rotated = (await Expect.StatusAsync(rotation, 200)).AsObject();
        var second = rotated["secret"]!.GetValue<string>();
        Assert.Matches(SecretPattern, second);
        Assert.NotEqual(first, second);
        Assert.Equal((2, "\"2\""), (rotated["version"]!.GetValue<int>(), rotation.ETag()));
        Assert.Equal(second, await StoredSecretAsync(Guid.Parse(created["id"]!.GetValue<string>())));
    }

    [Fact]
    public async Task A_replacement_needs_the_etag_of_the_current_version()
    {
        var owner = await Api.UserAsync("sme");
        var (created, response) = await CreateAsync(owner, Body());

        await Expect.ProblemAsync(await owner.Client.PutAsync(Url(created), Body(), null), 428);
        await Expect.StatusAsync(await owner.Client.PostAsync($"{Url(created)}/rotate-secret", null), 200);
        await Expect.ProblemAsync(await owner.Client.PutAsync(Url(created), Body(description: "stale"), response.ETag()), 412);

        var read = (await Expect.StatusAsync(await owner.Client.GetAsync(Url(created)), 200)).AsObject();
        Assert.Equal("CRM intake", read["description"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("sme", "job.completed")]
    [InlineData("sme", "match.mutual", "job.completed")]
    [InlineData("partner", "need.expiring")]
    [InlineData("partner", "need.expired")]
    [InlineData("partner", "job.completed")]
    [InlineData("sme", "profile.pending")]
    [InlineData("partner", "profile.verified", "profile.pending")]
    [InlineData("agency", "match.suggested")]
    [InlineData("admin", "match.suggested")]
    public async Task Subscribing_to_an_event_the_role_never_receives_is_refused(string role, params string[] events)
    {
        var caller = await CallerAsync(role);

        await Expect.ProblemAsync(await caller.Client.PostAsJsonAsync("/api/v1/webhooks", Body(events: events)), 400, "events");

        var (created, response) = await CreateAsync(caller, Body(events: "match.mutual"));
        await Expect.ProblemAsync(await caller.Client.PutAsync(Url(created), Body(events: events), response.ETag()), 400, "events");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[\"match.created\"]")]
    [InlineData("[\"Match.Mutual\"]")]
    [InlineData("[\"match.mutual\", \"match.mutual\"]")]
    [InlineData("null")]
    [InlineData("[null]")]
    [InlineData("[\"match.mutual\", null]")]
    public async Task Events_must_be_a_non_empty_list_of_known_events_without_repeats(string events)
    {
        var caller = await Api.UserAsync("sme");
        var body = $$"""{"url": "{{PublicUrl}}", "events": {{events}}}""";

        await Expect.ProblemAsync(await caller.Client.PostAsync("/api/v1/webhooks", new StringContent(body, System.Text.Encoding.UTF8, "application/json")), 400, "events");
    }

    [Theory]
    [InlineData("http://93.184.215.14/hook")]
    [InlineData("ftp://93.184.215.14/hook")]
    [InlineData("/relative/hook")]
    [InlineData("not a url")]
    [InlineData("https://user:pw@93.184.215.14/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://172.20.0.1:8443/hook")]
    [InlineData("https://192.168.0.10/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://100.64.1.1/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://224.0.0.1/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[::ffff:192.168.1.1]/hook")]
    [InlineData("https://2130706433/hook")]
    [InlineData("https://does-not-exist.invalid/hook")]
    public async Task Urls_that_are_not_https_or_reach_beyond_the_public_internet_are_refused(string url)
    {
        var caller = await Api.UserAsync("partner");

        await Expect.ProblemAsync(await caller.Client.PostAsJsonAsync("/api/v1/webhooks", Body(url)), 400, "url");

        var (created, response) = await CreateAsync(caller, Body());
        await Expect.ProblemAsync(await caller.Client.PutAsync(Url(created), Body(url), response.ETag()), 400, "url");
    }

    [Fact]
    public async Task Refusals_are_in_the_callers_language()
    {
        var caller = await Api.UserAsync("sme");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks") { Content = JsonContent.Create(Body("https://127.0.0.1/hook")) };
        request.Headers.AcceptLanguage.ParseAdd("ru");

        var problem = await Expect.ProblemAsync(await caller.Client.SendAsync(request), 400, "url");

        Assert.Contains("публичный адрес", problem["errors"]!["url"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("url")]
    [InlineData("description")]
    public async Task Overlong_urls_and_descriptions_are_refused(string field)
    {
        var caller = await Api.UserAsync("sme");
        var body = field == "url" ? Body(PublicUrl + "/" + new string('a', 2048)) : Body(description: new string('d', 501));

        await Expect.ProblemAsync(await caller.Client.PostAsJsonAsync("/api/v1/webhooks", body), 400, field);
    }

    [Fact]
    public async Task Creation_replacement_rotation_and_deletion_are_audited_without_the_secret()
    {
        var owner = await Api.UserAsync("agency");
        var (created, response) = await CreateAsync(owner, Body(events: "job.completed"));
        var id = created["id"]!.GetValue<string>();
        var replaced = await owner.Client.PutAsync(Url(created), Body(events: "need.expired"), response.ETag());
        await Expect.StatusAsync(replaced, 200);
        var rotated = (await Expect.StatusAsync(await owner.Client.PostAsync($"{Url(created)}/rotate-secret", null), 200))["secret"]!.GetValue<string>();
        await Expect.StatusAsync(await owner.Client.DeleteAsync(Url(created)), 204);

        var admin = await Api.AdminAsync();
        var entries = (await Paging.AllAsync(admin.Client, "/api/v1/audit?targetType=webhook", 100))
            .Where(e => e["targetId"]?.GetValue<string>() == id).ToList();

        Assert.Equal(["webhook.deleted", "webhook.secret_rotated", "webhook.updated", "webhook.created"], entries.Select(e => e["action"]!.GetValue<string>()));
        Assert.All(entries, e => Assert.Equal((owner.UserId.ToString(), "agency"), (e["actorId"]!.GetValue<string>(), e["actorRole"]!.GetValue<string>())));
        Assert.All(entries, e => Assert.DoesNotContain("whsec_", e.ToJsonString()));
        Assert.DoesNotContain(created["secret"]!.GetValue<string>(), entries.Select(e => e.ToJsonString()));
        Assert.DoesNotContain(rotated, entries.Select(e => e.ToJsonString()));
    }

    private async Task<string> StoredSecretAsync(Guid id)
    {
        await using var connection = await Api.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT secret FROM webhooks WHERE public_id = @Id", new { Id = Api.KeyOf(id) }) ?? "";
    }
}

public sealed class WebhookTestsOnSqlite(SqliteApi api) : WebhookTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class WebhookTestsOnSqlServer : WebhookTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public WebhookTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
