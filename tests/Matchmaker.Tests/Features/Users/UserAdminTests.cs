using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Users;

public abstract class UserAdminTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    [Theory]
    [InlineData("agency")]
    [InlineData("admin")]
    [InlineData("sme")]
    [InlineData("partner")]
    public async Task Admin_creates_accounts_of_any_role_that_can_sign_in(string role)
    {
        var admin = await Api.AdminAsync();
        var email = Api.UniqueEmail(role);

        var created = await Expect.StatusAsync(await admin.Client.PostAsJsonAsync("/api/v1/admin/users", new { email, password = ApiFixture.Password, role }), 201);

        Assert.Equal(role, created["role"]!.GetValue<string>());
        var user = await Api.SignInAsync(email, ApiFixture.Password, role);
        Assert.Equal(created["id"]!.GetValue<string>(), user.UserId.ToString());
    }

    [Theory]
    [InlineData("sme", 403)]
    [InlineData("partner", 403)]
    [InlineData("agency", 403)]
    [InlineData("anonymous", 401)]
    public async Task Only_the_admin_manages_users(string caller, int status)
    {
        var client = caller == "anonymous" ? Api.CreateClient() : (await Api.UserAsync(caller)).Client;
        var target = await Api.UserAsync("sme");

        await Expect.ProblemAsync(await client.PostAsJsonAsync("/api/v1/admin/users", new { email = Api.UniqueEmail("x"), password = ApiFixture.Password, role = "agency" }), status);
        await Expect.ProblemAsync(await client.GetAsync("/api/v1/admin/users"), status);
        await Expect.ProblemAsync(await client.GetAsync($"/api/v1/admin/users/{target.UserId}"), status);
        await Expect.ProblemAsync(await client.PutAsync($"/api/v1/admin/users/{target.UserId}", new JsonObject { ["role"] = "admin", ["isActive"] = true }, "\"1\""), status);
    }

    [Fact]
    public async Task Admin_reads_an_account_with_its_etag_and_gets_404_for_an_unknown_one()
    {
        var admin = await Api.AdminAsync();
        var sme = await Api.UserAsync("sme");

        var response = await admin.Client.GetAsync($"/api/v1/admin/users/{sme.UserId}");
        var body = await Expect.StatusAsync(response, 200);
        Assert.Equal(sme.Email, body["email"]!.GetValue<string>());
        Assert.Equal("\"1\"", response.ETag());

        await Expect.ProblemAsync(await admin.Client.GetAsync($"/api/v1/admin/users/{Guid.NewGuid()}"), 404);
    }

    [Fact]
    public async Task A_deactivated_account_can_no_longer_sign_in()
    {
        var admin = await Api.AdminAsync();
        var sme = await Api.UserAsync("sme");
        var read = await admin.Client.GetAsync($"/api/v1/admin/users/{sme.UserId}");

        var updated = await admin.Client.PutAsync($"/api/v1/admin/users/{sme.UserId}", new JsonObject { ["role"] = "sme", ["isActive"] = false }, read.ETag());

        Assert.False((await Expect.StatusAsync(updated, 200))["isActive"]!.GetValue<bool>());
        var token = await Api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = sme.Email, password = ApiFixture.Password });
        await Expect.ProblemAsync(token, 401);
    }

    [Fact]
    public async Task Changing_an_account_needs_the_current_etag()
    {
        var admin = await Api.AdminAsync();
        var sme = await Api.UserAsync("sme");
        var url = $"/api/v1/admin/users/{sme.UserId}";
        var body = new JsonObject { ["role"] = "agency", ["isActive"] = true };

        await Expect.ProblemAsync(await admin.Client.PutAsync(url, body, null), 428);
        await Expect.ProblemAsync(await admin.Client.PutAsync(url, body, "\"99\""), 412);
        var ok = await admin.Client.PutAsync(url, body, "\"1\"");
        Assert.Equal("agency", (await Expect.StatusAsync(ok, 200))["role"]!.GetValue<string>());
        Assert.Equal("\"2\"", ok.ETag());
    }

    [Fact]
    public async Task The_admin_cannot_lock_themself_out()
    {
        var admin = await Api.AdminAsync();
        var read = await admin.Client.GetAsync($"/api/v1/admin/users/{admin.UserId}");

        var response = await admin.Client.PutAsync($"/api/v1/admin/users/{admin.UserId}", new JsonObject { ["role"] = "admin", ["isActive"] = false }, read.ETag());

        await Expect.ProblemAsync(response, 409);
    }

    [Fact]
    public async Task Listing_accounts_pages_through_every_account_once_and_filters_by_role()
    {
        var admin = await Api.AdminAsync();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
            created.Add((await Api.UserAsync("agency")).Email);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Expect.StatusAsync(await admin.Client.GetAsync($"/api/v1/admin/users?role=agency&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}"), 200);
            var items = page["items"]!.AsArray();
            Assert.True(items.Count <= 2);
            Assert.All(items, i => Assert.Equal("agency", i!["role"]!.GetValue<string>()));
            seen.AddRange(items.Select(i => i!["email"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), created.ToHashSet());
    }

    [Fact]
    public async Task An_admin_created_account_with_a_taken_email_is_a_conflict()
    {
        var admin = await Api.AdminAsync();
        var sme = await Api.UserAsync("sme");

        await Expect.ProblemAsync(await admin.Client.PostAsJsonAsync("/api/v1/admin/users", new { email = sme.Email, password = ApiFixture.Password, role = "agency" }), 409);
    }
}

public sealed class UserAdminTestsOnSqlite(SqliteApi api) : UserAdminTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class UserAdminTestsOnSqlServer : UserAdminTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public UserAdminTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
