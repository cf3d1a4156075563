using System.Text;
using System.Text.Json.Nodes;
using Dapper;

namespace Matchmaker.Tests.Infrastructure.Http;

public abstract class IdempotencyTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task The_same_key_twice_creates_one_need_and_replays_the_first_answer()
    {
        var sme = await api.UserAsync("sme");
        var smeId = await Create.SmeAsync(sme);
        var url = $"/api/v1/smes/{smeId}/needs";
        var body = Bodies.Need(title: $"Idempotent {Guid.NewGuid()}");
        var key = Guid.NewGuid().ToString();

        var first = await sme.Client.PostAsync(url, body, key);
        var second = await sme.Client.PostAsync(url, body, key);

        var firstBody = await Expect.StatusAsync(first, 201);
        var secondBody = await Expect.StatusAsync(second, 201);
        Assert.Equal(firstBody.ToJsonString(), secondBody.ToJsonString());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.ETag(), second.ETag());
        var list = await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/smes/{smeId}/needs"), 200);
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_creates_nothing()
    {
        var sme = await api.UserAsync("sme");
        var smeId = await Create.SmeAsync(sme);
        var url = $"/api/v1/smes/{smeId}/needs";
        var key = Guid.NewGuid().ToString();
        await Expect.StatusAsync(await sme.Client.PostAsync(url, Bodies.Need(title: "One"), key), 201);

        var other = await sme.Client.PostAsync(url, Bodies.Need(title: "Two"), key);

        await Expect.ProblemAsync(other, 422);
        var list = await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/smes/{smeId}/needs"), 200);
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task A_key_is_scoped_to_the_caller()
    {
        var first = await api.UserAsync("partner");
        var second = await api.UserAsync("partner");
        var key = Guid.NewGuid().ToString();

        var a = await first.Client.PostAsync("/api/v1/partners", Bodies.Partner(), key);
        var b = await second.Client.PostAsync("/api/v1/partners", Bodies.Partner(), key);

        var idA = (await Expect.StatusAsync(a, 201))["id"]!.GetValue<string>();
        var idB = (await Expect.StatusAsync(b, 201))["id"]!.GetValue<string>();
        Assert.NotEqual(idA, idB);
    }

    [Fact]
    public async Task A_failed_request_does_not_burn_the_key()
    {
        var sme = await api.UserAsync("sme");
        var smeId = await Create.SmeAsync(sme);
        var url = $"/api/v1/smes/{smeId}/needs";
        var key = Guid.NewGuid().ToString();
        var invalid = Bodies.Need();
        invalid["horizonMonths"] = 0;

        await Expect.ProblemAsync(await sme.Client.PostAsync(url, invalid, key), 400, "horizonMonths");
        invalid["horizonMonths"] = 12;

        await Expect.StatusAsync(await sme.Client.PostAsync(url, invalid, key), 201);
    }

    [Fact]
    public async Task Posts_without_a_key_each_create_a_record()
    {
        var sme = await api.UserAsync("sme");
        var smeId = await Create.SmeAsync(sme);
        var body = Bodies.Need();

        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/v1/smes/{smeId}/needs", body, null), 201);
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/v1/smes/{smeId}/needs", body, null), 201);

        var list = await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/smes/{smeId}/needs"), 200);
        Assert.Equal(2, list["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_same_key_on_every_spelling_of_the_route_creates_one_need()
    {
        var sme = await api.UserAsync("sme");
        var smeId = await Create.SmeAsync(sme);
        var body = Bodies.Need(title: $"Spelt {Guid.NewGuid()}");
        var key = Guid.NewGuid().ToString();
        string[] spellings =
        [
            $"/api/v1/smes/{smeId}/needs",
            $"/api/v1/smes/{smeId.ToString().ToUpperInvariant()}/needs",
            $"/api/v1/SMES/{smeId}/needs",
            $"/api/v1/smes/{smeId}/needs/",
        ];

        var answers = new List<HttpResponseMessage>();
        foreach (var url in spellings)
            answers.Add(await sme.Client.PostAsync(url, body, key));

        var ids = new HashSet<string>();
        foreach (var answer in answers)
            ids.Add((await Expect.StatusAsync(answer, 201))["id"]!.GetValue<string>());
        Assert.Single(ids);
        Assert.All(answers.Skip(1), a => Assert.True(a.Headers.Contains("Idempotent-Replayed")));
        var list = await Expect.StatusAsync(await sme.Client.GetAsync($"/api/v1/smes/{smeId}/needs"), 200);
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task The_same_body_with_its_properties_reordered_and_spaced_out_replays_the_first_answer()
    {
        var sme = await api.UserAsync("sme");
        var smeId = await Create.SmeAsync(sme);
        var url = $"/api/v1/smes/{smeId}/needs";
        var body = Bodies.Need(title: $"Reordered {Guid.NewGuid()}");
        var key = Guid.NewGuid().ToString();
        var first = await Expect.StatusAsync(await sme.Client.PostAsync(url, body, key), 201);

        var reordered = new JsonObject(body.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value is JsonObject o
            ? (JsonNode)new JsonObject(o.Reverse().Select(q => KeyValuePair.Create(q.Key, q.Value?.DeepClone())))
            : p.Value?.DeepClone())));
        var text = reordered.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        Assert.NotEqual(body.ToJsonString(), reordered.ToJsonString());
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        var again = await sme.Client.SendAsync(request);

        var second = await Expect.StatusAsync(again, 201);
        Assert.Equal(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_sign_in_with_a_key_is_answered_afresh_and_its_token_never_stored()
    {
        var sme = await api.UserAsync("sme");
        var key = Guid.NewGuid().ToString();
        var credentials = new JsonObject { ["email"] = sme.Email, ["password"] = ApiFixture.Password };

        var first = await sme.Client.PostAsync("/api/v1/auth/token", credentials, key);
        var second = await sme.Client.PostAsync("/api/v1/auth/token", credentials, key);

        var token = (await Expect.StatusAsync(first, 200))["accessToken"]!.GetValue<string>();
        await Expect.StatusAsync(second, 200);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(0, await StoredKeysAsync(sme));
        await using var db = await api.OpenDatabaseAsync();
        var bodies = await db.QueryAsync<byte[]>("SELECT body FROM idempotency_keys WHERE body IS NOT NULL");
        Assert.DoesNotContain(bodies, b => Encoding.UTF8.GetString(b).Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_on_a_post_that_creates_nothing_is_ignored()
    {
        var sme = await api.UserAsync("sme");
        var smeId = await Create.SmeAsync(sme);
        var needId = await Create.NeedAsync(sme, smeId);

        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/v1/needs/{needId}/close", new JsonObject(), Guid.NewGuid().ToString()), 200);

        Assert.Equal(0, await StoredKeysAsync(sme));
    }

    [Fact]
    public async Task The_document_offers_the_key_on_the_creates_of_signed_in_callers_only()
    {
        var doc = await Expect.StatusAsync(await api.CreateClient().GetAsync("/openapi/v1.json"), 200);
        var offered = new List<string>();
        var creates = new List<string>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            if ((operation!["parameters"]?.AsArray() ?? []).Any(p => p!["name"]!.GetValue<string>() == "Idempotency-Key"))
                offered.Add($"{method} {path}");
            if (method == "post" && operation["responses"]!.AsObject().ContainsKey("201") && operation["security"] is JsonArray { Count: > 0 })
                creates.Add($"{method} {path}");
        }

        Assert.Equal(creates, offered);
        Assert.Contains("post /api/v1/smes/{smeId}/needs", offered);
        Assert.DoesNotContain(offered, o => o.Contains("/auth/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stored_answer_is_encrypted_and_one_that_no_longer_opens_is_refused_not_run_again()
    {
        var owner = await api.UserAsync("sme");
        var body = Bodies.Sme(name: $"Sealed Answer {Guid.NewGuid():N}");
        var key = Guid.NewGuid().ToString();
        await Expect.StatusAsync(await owner.Client.PostAsync("/api/v1/smes", body, key), 201);

        await using var db = await api.OpenDatabaseAsync();
        var stored = await db.QuerySingleAsync<byte[]>("SELECT body FROM idempotency_keys WHERE user_id = @UserId", new { UserId = api.KeyOf(owner.UserId) });
        Assert.DoesNotContain(body["name"]!.GetValue<string>(), Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
        await db.ExecuteAsync("UPDATE idempotency_keys SET body = @Body WHERE user_id = @UserId", new { Body = new byte[] { 1, 2, 3 }, UserId = api.KeyOf(owner.UserId) });

        await Expect.ProblemAsync(await owner.Client.PostAsync("/api/v1/smes", body, key), 409);
        var me = await Expect.StatusAsync(await owner.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.NotNull(me["smeId"]);
    }

    [Fact]
    public async Task An_overlong_key_is_refused()
    {
        var sme = await api.UserAsync("sme");

        await Expect.ProblemAsync(await sme.Client.PostAsync("/api/v1/smes", Bodies.Sme(), new string('k', 201)), 400);
    }

    private async Task<int> StoredKeysAsync(Actor actor)
    {
        await using var db = await api.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM idempotency_keys WHERE user_id = @UserId", new { UserId = api.KeyOf(actor.UserId) });
    }
}

public sealed class IdempotencyTestsOnSqlite(SqliteApi api) : IdempotencyTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class IdempotencyTestsOnSqlServer : IdempotencyTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public IdempotencyTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
