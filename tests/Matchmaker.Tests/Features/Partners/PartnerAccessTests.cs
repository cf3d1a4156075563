using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Partners;

/// <summary>In these tests "partner" is the owner of the partner profile under test and "owner" is an SME (the world's owner of the SME profile).</summary>
public abstract class PartnerAccessTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    /// <summary>One cast for the tests of this class that only read or are refused; tests whose call succeeds and writes build their own.</summary>
    private Task<World> SharedWorldAsync() => Api.SharedAsync(World.CreateAsync);

    [Fact]
    public async Task A_partner_account_without_a_profile_may_create_one()
    {
        var partner = await Api.UserAsync("partner");

        var response = await partner.Client.PostAsJsonAsync("/api/v1/partners", Bodies.Partner());

        var created = await Expect.StatusAsync(response, 201);
        Assert.Equal("li.wei@qdm.example", created["contact"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_partner_profile_for_the_same_account_is_a_conflict()
    {
        var world = await SharedWorldAsync();

        var response = await world.Partner.Client.PostAsJsonAsync("/api/v1/partners", Bodies.Partner());

        await Expect.ProblemAsync(response, 409);
        var me = await Expect.StatusAsync(await world.Partner.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Equal(world.PartnerId.ToString(), me["partnerId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("owner", 403)]
    [InlineData("agency", 403)]
    [InlineData("admin", 403)]
    public async Task Only_partner_accounts_may_create_a_partner_profile(string caller, int status)
    {
        var world = await SharedWorldAsync();
        var name = $"Not-created-{Guid.NewGuid():N}";

        var response = await world.ClientOf(caller).PostAsJsonAsync("/api/v1/partners", Bodies.Partner(name: name));

        await Expect.ProblemAsync(response, status);
        var found = await Expect.StatusAsync(await world.Admin.Client.GetAsync($"/api/v1/partners?q={name}"), 200);
        Assert.Empty(found["items"]!.AsArray());
    }

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("partner", 200)]
    [InlineData("other-partner", 404)]
    [InlineData("owner", 200)]
    [InlineData("other-sme", 200)]
    [InlineData("agency", 200)]
    [InlineData("admin", 200)]
    public async Task Who_may_read_a_partner_profile(string caller, int status)
    {
        var world = await SharedWorldAsync();

        var response = await world.ClientOf(caller).GetAsync($"/api/v1/partners/{world.PartnerId}");

        await Expect.StatusOrProblemAsync(response, status);
        if (status == 200)
            Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("partner", true)]
    [InlineData("agency", true)]
    [InlineData("admin", true)]
    [InlineData("owner", false)]
    [InlineData("other-sme", false)]
    public async Task Only_owner_agency_and_admin_see_the_contact_of_a_partner(string caller, bool seesContact)
    {
        var world = await SharedWorldAsync();

        var partner = (await Expect.StatusAsync(await world.ClientOf(caller).GetAsync($"/api/v1/partners/{world.PartnerId}"), 200)).AsObject();

        Assert.Equal(world.PartnerId.ToString(), partner["id"]!.GetValue<string>());
        Assert.Equal(seesContact, partner.ContainsKey("contact"));
        if (seesContact)
            Assert.Equal("li.wei@qdm.example", partner["contact"]!["email"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("partner", 200)]
    [InlineData("admin", 200)]
    [InlineData("owner", 403)]
    [InlineData("agency", 403)]
    [InlineData("other-partner", 404)]
    public async Task Who_may_update_a_partner_profile(string caller, int status)
    {
        var world = await World.CreateAsync(Api);
        var etag = (await world.Admin.Client.GetAsync($"/api/v1/partners/{world.PartnerId}")).ETag();
        var body = Bodies.Partner(name: $"Renamed {Guid.NewGuid():N}");

        var response = await world.ClientOf(caller).PutAsync($"/api/v1/partners/{world.PartnerId}", body, etag);

        await Expect.StatusOrProblemAsync(response, status);
        var after = await Expect.StatusAsync(await world.Admin.Client.GetAsync($"/api/v1/partners/{world.PartnerId}"), 200);
        Assert.Equal(status == 200, after["name"]!.GetValue<string>() == body["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("partner", 403)]
    [InlineData("other-partner", 403)]
    [InlineData("owner", 200)]
    [InlineData("other-sme", 200)]
    [InlineData("agency", 200)]
    [InlineData("admin", 200)]
    public async Task Who_may_search_partner_profiles(string caller, int status)
    {
        var world = await SharedWorldAsync();

        var response = await world.ClientOf(caller).GetAsync("/api/v1/partners");

        await Expect.StatusOrProblemAsync(response, status);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("agency")]
    [InlineData("admin")]
    public async Task The_partner_search_shows_the_public_view_without_contact_to_everyone(string caller)
    {
        var world = await SharedWorldAsync();

        var page = await Expect.StatusAsync(await world.ClientOf(caller).GetAsync("/api/v1/partners?limit=100"), 200);

        var items = page["items"]!.AsArray();
        Assert.Contains(items, i => i!["id"]!.GetValue<string>() == world.PartnerId.ToString());
        Assert.All(items, i => Assert.False(i!.AsObject().ContainsKey("contact"), "a listed partner must not show its contact"));
    }

    [Theory]
    [InlineData("partner")]
    [InlineData("other-partner")]
    [InlineData("owner")]
    [InlineData("agency")]
    [InlineData("admin")]
    public async Task Reading_a_partner_profile_that_does_not_exist_is_404(string caller)
    {
        var world = await SharedWorldAsync();

        await Expect.ProblemAsync(await world.ClientOf(caller).GetAsync($"/api/v1/partners/{Guid.NewGuid()}"), 404);
    }

    [Theory]
    [InlineData("partner")]
    [InlineData("admin")]
    public async Task Updating_a_partner_profile_that_does_not_exist_is_404(string caller)
    {
        var world = await SharedWorldAsync();

        var response = await world.ClientOf(caller).PutAsync($"/api/v1/partners/{Guid.NewGuid()}", Bodies.Partner(), "\"1\"");

        await Expect.ProblemAsync(response, 404);
    }
}

public sealed class PartnerAccessTestsOnSqlite(SqliteApi api) : PartnerAccessTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class PartnerAccessTestsOnSqlServer : PartnerAccessTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public PartnerAccessTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
