using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Needs;

public abstract class NeedAccessTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    /// <summary>One cast for the tests of this class; tests that change a need post a fresh one of their own.</summary>
    private Task<World> SharedWorldAsync() => Api.SharedAsync(World.CreateAsync);

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("owner", 201)]
    [InlineData("other-sme", 404)]
    [InlineData("partner", 403)]
    [InlineData("agency", 403)]
    [InlineData("admin", 403)]
    public async Task Who_may_post_a_need_on_an_sme_profile(string caller, int status)
    {
        var world = await SharedWorldAsync();
        var title = $"Access-{Guid.NewGuid():N}";

        var response = await world.ClientOf(caller).PostAsJsonAsync($"/api/v1/smes/{world.SmeId}/needs", Bodies.Need(title: title));

        await Expect.StatusOrProblemAsync(response, status);
        var found = await Expect.StatusAsync(await world.Admin.Client.GetAsync($"/api/v1/needs?q={title}"), 200);
        Assert.Equal(status == 201 ? 1 : 0, found["items"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("owner", 200)]
    [InlineData("other-sme", 404)]
    [InlineData("partner", 200)]
    [InlineData("other-partner", 200)]
    [InlineData("agency", 200)]
    [InlineData("admin", 200)]
    public async Task Who_may_read_a_need(string caller, int status)
    {
        var world = await SharedWorldAsync();

        var response = await world.ClientOf(caller).GetAsync($"/api/v1/needs/{world.NeedId}");

        var body = await Expect.StatusOrProblemAsync(response, status);
        if (status == 200)
        {
            Assert.Equal(world.NeedId.ToString(), body["id"]!.GetValue<string>());
            Assert.NotNull(response.Headers.ETag);
        }
    }

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("owner", 200)]
    [InlineData("admin", 200)]
    [InlineData("partner", 403)]
    [InlineData("agency", 403)]
    [InlineData("other-sme", 404)]
    public async Task Who_may_update_a_need(string caller, int status)
    {
        var world = await SharedWorldAsync();
        var (needId, etag) = await PostFreshNeedAsync(world);
        var body = Bodies.Need(title: $"Changed-{Guid.NewGuid():N}");

        var response = await world.ClientOf(caller).PutAsync($"/api/v1/needs/{needId}", body, etag);

        await Expect.StatusOrProblemAsync(response, status);
        var after = await Expect.StatusAsync(await world.Admin.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        Assert.Equal(status == 200, after["title"]!.GetValue<string>() == body["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("owner", 200)]
    [InlineData("admin", 200)]
    [InlineData("partner", 403)]
    [InlineData("agency", 403)]
    [InlineData("other-sme", 404)]
    public async Task Who_may_close_a_need(string caller, int status)
    {
        var world = await SharedWorldAsync();
        var (needId, _) = await PostFreshNeedAsync(world);

        var response = await world.ClientOf(caller).PostAsJsonAsync($"/api/v1/needs/{needId}/close", new JsonObject { ["reason"] = "Found a partner" });

        await Expect.StatusOrProblemAsync(response, status);
        var after = await Expect.StatusAsync(await world.Admin.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        Assert.Equal(status == 200 ? "closed" : "open", after["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("owner", "owner")]
    [InlineData("owner", "admin")]
    [InlineData("admin", "owner")]
    public async Task Closing_a_closed_need_is_a_conflict(string closer, string caller)
    {
        var world = await SharedWorldAsync();
        var (needId, _) = await PostFreshNeedAsync(world);
        await Expect.StatusAsync(await world.ClientOf(closer).PostAsJsonAsync($"/api/v1/needs/{needId}/close", new JsonObject { ["reason"] = "first" }), 200);

        var response = await world.ClientOf(caller).PostAsJsonAsync($"/api/v1/needs/{needId}/close", new JsonObject { ["reason"] = "second" });

        await Expect.ProblemAsync(response, 409);
        var after = await Expect.StatusAsync(await world.Admin.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        Assert.Equal("first", after["closeReason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("admin")]
    public async Task Updating_a_closed_need_is_a_conflict(string caller)
    {
        var world = await SharedWorldAsync();
        var (needId, _) = await PostFreshNeedAsync(world);
        var closed = await world.Owner.Client.PostAsJsonAsync($"/api/v1/needs/{needId}/close", new JsonObject());
        await Expect.StatusAsync(closed, 200);

        var response = await world.ClientOf(caller).PutAsync($"/api/v1/needs/{needId}", Bodies.Need(title: "Too late"), closed.ETag());

        await Expect.ProblemAsync(response, 409);
        var after = await Expect.StatusAsync(await world.Admin.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        Assert.NotEqual("Too late", after["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("owner", 403)]
    [InlineData("other-sme", 403)]
    [InlineData("partner", 200)]
    [InlineData("other-partner", 200)]
    [InlineData("agency", 200)]
    [InlineData("admin", 200)]
    public async Task Who_may_search_needs(string caller, int status)
    {
        var world = await SharedWorldAsync();

        var response = await world.ClientOf(caller).GetAsync("/api/v1/needs?limit=100");

        var body = await Expect.StatusOrProblemAsync(response, status);
        if (status == 200)
            Assert.Contains(body["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == world.NeedId.ToString());
    }

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("owner", 200)]
    [InlineData("other-sme", 404)]
    [InlineData("partner", 200)]
    [InlineData("other-partner", 200)]
    [InlineData("agency", 200)]
    [InlineData("admin", 200)]
    public async Task Who_may_list_the_needs_of_an_sme(string caller, int status)
    {
        var world = await SharedWorldAsync();

        var response = await world.ClientOf(caller).GetAsync($"/api/v1/smes/{world.SmeId}/needs?limit=100");

        var body = await Expect.StatusOrProblemAsync(response, status);
        if (status == 200)
            Assert.Contains(body["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == world.NeedId.ToString());
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("other-sme")]
    [InlineData("partner")]
    [InlineData("agency")]
    [InlineData("admin")]
    public async Task Reading_a_need_that_does_not_exist_is_404(string caller)
    {
        var world = await SharedWorldAsync();

        await Expect.ProblemAsync(await world.ClientOf(caller).GetAsync($"/api/v1/needs/{Guid.NewGuid()}"), 404);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("admin")]
    public async Task Updating_or_closing_a_need_that_does_not_exist_is_404(string caller)
    {
        var world = await SharedWorldAsync();
        var client = world.ClientOf(caller);

        await Expect.ProblemAsync(await client.PutAsync($"/api/v1/needs/{Guid.NewGuid()}", Bodies.Need(), "\"1\""), 404);
        await Expect.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/needs/{Guid.NewGuid()}/close", new JsonObject()), 404);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("partner")]
    [InlineData("agency")]
    [InlineData("admin")]
    public async Task Listing_or_posting_needs_of_an_sme_that_does_not_exist_is_404(string caller)
    {
        var world = await SharedWorldAsync();
        var client = world.ClientOf(caller);

        await Expect.ProblemAsync(await client.GetAsync($"/api/v1/smes/{Guid.NewGuid()}/needs"), 404);
        await Expect.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/smes/{Guid.NewGuid()}/needs", Bodies.Need()), 404);
    }

    private static async Task<(Guid Id, string ETag)> PostFreshNeedAsync(World world)
    {
        var response = await world.Owner.Client.PostAsJsonAsync($"/api/v1/smes/{world.SmeId}/needs", Bodies.Need(title: $"Fresh-{Guid.NewGuid():N}"));
        var need = await Expect.StatusAsync(response, 201);
        return (Guid.Parse(need["id"]!.GetValue<string>()), response.ETag());
    }
}

public sealed class NeedAccessTestsOnSqlite(SqliteApi api) : NeedAccessTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class NeedAccessTestsOnSqlServer : NeedAccessTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public NeedAccessTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
