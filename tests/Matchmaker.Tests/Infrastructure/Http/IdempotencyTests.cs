using System.Text.Json.Nodes;

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
    public async Task An_overlong_key_is_refused()
    {
        var sme = await api.UserAsync("sme");

        await Expect.ProblemAsync(await sme.Client.PostAsync("/api/v1/smes", Bodies.Sme(), new string('k', 201)), 400);
    }
}

public sealed class IdempotencyTestsOnSqlite(SqliteApi api) : IdempotencyTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class IdempotencyTestsOnSqlServer : IdempotencyTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public IdempotencyTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
