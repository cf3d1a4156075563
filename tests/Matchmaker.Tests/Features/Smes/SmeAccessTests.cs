using System.Net.Http.Json;

namespace Matchmaker.Tests.Features.Smes;

public abstract class SmeAccessTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    /// <summary>One cast for the tests of this class that only read or are refused; tests whose call succeeds and writes build their own.</summary>
    private Task<World> SharedWorldAsync() => Api.SharedAsync(World.CreateAsync);

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("owner", 200)]
    [InlineData("other-sme", 404)]
    [InlineData("partner", 200)]
    [InlineData("other-partner", 200)]
    [InlineData("agency", 200)]
    [InlineData("admin", 200)]
    public async Task Who_may_read_an_sme_profile(string caller, int status)
    {
        var world = await SharedWorldAsync();

        var response = await world.ClientOf(caller).GetAsync($"/api/v1/smes/{world.SmeId}");

        await Expect.StatusOrProblemAsync(response, status);
        if (status == 200)
            Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("owner", true)]
    [InlineData("agency", true)]
    [InlineData("admin", true)]
    [InlineData("partner", false)]
    public async Task Only_owner_agency_and_admin_see_the_contact_of_an_sme(string caller, bool seesContact)
    {
        var world = await SharedWorldAsync();

        var sme = (await Expect.StatusAsync(await world.ClientOf(caller).GetAsync($"/api/v1/smes/{world.SmeId}"), 200)).AsObject();

        Assert.Equal(world.SmeId.ToString(), sme["id"]!.GetValue<string>());
        Assert.Equal(seesContact, sme.ContainsKey("contact"));
        if (seesContact)
            Assert.Equal("aibek@alatoo.example", sme["contact"]!["email"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("owner", 200)]
    [InlineData("admin", 200)]
    [InlineData("partner", 403)]
    [InlineData("agency", 403)]
    [InlineData("other-sme", 404)]
    public async Task Who_may_update_an_sme_profile(string caller, int status)
    {
        var world = await World.CreateAsync(Api);
        var etag = (await world.Admin.Client.GetAsync($"/api/v1/smes/{world.SmeId}")).ETag();
        var body = Bodies.Sme(name: $"Renamed {Guid.NewGuid():N}");

        var response = await world.ClientOf(caller).PutAsync($"/api/v1/smes/{world.SmeId}", body, etag);

        await Expect.StatusOrProblemAsync(response, status);
        var after = await Expect.StatusAsync(await world.Admin.Client.GetAsync($"/api/v1/smes/{world.SmeId}"), 200);
        Assert.Equal(status == 200, after["name"]!.GetValue<string>() == body["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_sme_account_without_a_profile_may_create_one()
    {
        var sme = await Api.UserAsync("sme");

        var response = await sme.Client.PostAsJsonAsync("/api/v1/smes", Bodies.Sme());

        var created = await Expect.StatusAsync(response, 201);
        Assert.Equal("aibek@alatoo.example", created["contact"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_sme_profile_for_the_same_account_is_a_conflict()
    {
        var world = await SharedWorldAsync();

        var response = await world.Owner.Client.PostAsJsonAsync("/api/v1/smes", Bodies.Sme());

        await Expect.ProblemAsync(response, 409);
        var me = await Expect.StatusAsync(await world.Owner.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Equal(world.SmeId.ToString(), me["smeId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("partner", 403)]
    [InlineData("agency", 403)]
    [InlineData("admin", 403)]
    public async Task Only_sme_accounts_may_create_an_sme_profile(string caller, int status)
    {
        var world = await SharedWorldAsync();
        var name = $"Not-created-{Guid.NewGuid():N}";

        var response = await world.ClientOf(caller).PostAsJsonAsync("/api/v1/smes", Bodies.Sme(name: name));

        await Expect.ProblemAsync(response, status);
        var found = await Expect.StatusAsync(await world.Admin.Client.GetAsync($"/api/v1/smes?q={name}"), 200);
        Assert.Empty(found["items"]!.AsArray());
    }

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("owner", 403)]
    [InlineData("other-sme", 403)]
    [InlineData("partner", 200)]
    [InlineData("other-partner", 200)]
    [InlineData("agency", 200)]
    [InlineData("admin", 200)]
    public async Task Who_may_search_sme_profiles(string caller, int status)
    {
        var world = await SharedWorldAsync();

        var response = await world.ClientOf(caller).GetAsync("/api/v1/smes");

        await Expect.StatusOrProblemAsync(response, status);
    }

    [Theory]
    [InlineData("partner")]
    [InlineData("agency")]
    [InlineData("admin")]
    public async Task The_sme_search_shows_the_public_view_without_contact_to_everyone(string caller)
    {
        var world = await SharedWorldAsync();

        var page = await Expect.StatusAsync(await world.ClientOf(caller).GetAsync("/api/v1/smes?limit=100"), 200);

        var items = page["items"]!.AsArray();
        Assert.Contains(items, i => i!["id"]!.GetValue<string>() == world.SmeId.ToString());
        Assert.All(items, i => Assert.False(i!.AsObject().ContainsKey("contact"), "a listed SME must not show its contact"));
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("other-sme")]
    [InlineData("partner")]
    [InlineData("agency")]
    [InlineData("admin")]
    public async Task Reading_an_sme_profile_that_does_not_exist_is_404(string caller)
    {
        var world = await SharedWorldAsync();

        await Expect.ProblemAsync(await world.ClientOf(caller).GetAsync($"/api/v1/smes/{Guid.NewGuid()}"), 404);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("admin")]
    public async Task Updating_an_sme_profile_that_does_not_exist_is_404(string caller)
    {
        var world = await SharedWorldAsync();

        var response = await world.ClientOf(caller).PutAsync($"/api/v1/smes/{Guid.NewGuid()}", Bodies.Sme(), "\"1\"");

        await Expect.ProblemAsync(response, 404);
    }
}

public sealed class SmeAccessTestsOnSqlite(SqliteApi api) : SmeAccessTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class SmeAccessTestsOnSqlServer : SmeAccessTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public SmeAccessTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
