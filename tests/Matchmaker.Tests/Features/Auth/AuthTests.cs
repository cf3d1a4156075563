using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Auth;

public abstract class AuthTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    [Fact]
    public async Task Registering_answers_201_with_location_and_etag_and_no_password()
    {
        var email = Api.UniqueEmail("reg");
        var response = await Api.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email, password = ApiFixture.Password, role = "sme" });

        var body = await Expect.StatusAsync(response, 201);
        Assert.Equal(email, body["email"]!.GetValue<string>());
        Assert.Equal("sme", body["role"]!.GetValue<string>());
        Assert.Null(body["password"]);
        Assert.Null(body["passwordHash"]);
        Assert.NotNull(response.Headers.Location);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Registering_an_email_twice_in_another_letter_case_is_a_conflict()
    {
        var email = Api.UniqueEmail("dup");
        var client = Api.CreateClient();
        await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = ApiFixture.Password, role = "sme" }), 201);

        var again = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = email.ToUpperInvariant(), password = ApiFixture.Password, role = "partner" });

        await Expect.ProblemAsync(again, 409);
    }

    [Theory]
    [InlineData("agency")]
    [InlineData("admin")]
    [InlineData("investor")]
    public async Task Self_registration_is_only_for_smes_and_partners(string role)
    {
        var response = await Api.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = Api.UniqueEmail("r"), password = ApiFixture.Password, role });

        await Expect.ProblemAsync(response, 400, "role");
    }

    [Fact]
    public async Task A_password_under_12_characters_is_refused()
    {
        var response = await Api.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = Api.UniqueEmail("r"), password = "short-pass1", role = "sme" });

        await Expect.ProblemAsync(response, 400, "password");
    }

    [Fact]
    public async Task An_invalid_email_is_refused()
    {
        var response = await Api.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = "not-an-email", password = ApiFixture.Password, role = "sme" });

        await Expect.ProblemAsync(response, 400, "email");
    }

    [Fact]
    public async Task A_token_is_a_bearer_jwt_that_opens_the_api()
    {
        var sme = await Api.UserAsync("sme");
        var response = await Api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = sme.Email, password = ApiFixture.Password });

        var body = await Expect.StatusAsync(response, 200);
        Assert.Equal("Bearer", body["tokenType"]!.GetValue<string>());
        Assert.True(body["expiresIn"]!.GetValue<int>() > 0);
        Assert.Equal(3, body["accessToken"]!.GetValue<string>().Split('.').Length);
        var me = await Expect.StatusAsync(await Api.CreateClient(body["accessToken"]!.GetValue<string>()).GetAsync("/api/v1/auth/me"), 200);
        Assert.Equal("sme", me["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401()
    {
        var sme = await Api.UserAsync("sme");
        var client = Api.CreateClient();

        var wrongPassword = await Expect.ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = sme.Email, password = "wrong-password-123" }), 401);
        var unknownEmail = await Expect.ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = Api.UniqueEmail("nobody"), password = "wrong-password-123" }), 401);

        Assert.Equal(wrongPassword["detail"]!.ToString(), unknownEmail["detail"]!.ToString());
        Assert.Equal(wrongPassword["title"]!.ToString(), unknownEmail["title"]!.ToString());
    }

    [Theory]
    [InlineData("/api/v1/auth/me")]
    [InlineData("/api/v1/smes")]
    [InlineData("/api/v1/needs")]
    [InlineData("/api/v1/partners")]
    [InlineData("/api/v1/admin/users")]
    public async Task Protected_routes_answer_401_problem_without_a_token(string url)
    {
        await Expect.ProblemAsync(await Api.CreateClient().GetAsync(url), 401);
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        var sme = await Api.UserAsync("sme");
        var parts = sme.Token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";

        await Expect.ProblemAsync(await Api.CreateClient(forged).GetAsync("/api/v1/auth/me"), 401);
    }

    [Fact]
    public async Task Me_names_the_callers_profile_once_it_exists()
    {
        var partner = await Api.UserAsync("partner");
        var before = await Expect.StatusAsync(await partner.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Null(before["partnerId"]);

        var partnerId = await Create.PartnerAsync(partner);

        var after = await Expect.StatusAsync(await partner.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Equal(partnerId.ToString(), after["partnerId"]!.GetValue<string>());
        Assert.Equal(partner.UserId.ToString(), after["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_bootstrap_admin_from_configuration_can_sign_in()
    {
        var admin = await Api.AdminAsync();

        var me = await Expect.StatusAsync(await admin.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.Equal("admin", me["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_json_properties_are_refused()
    {
        var body = new JsonObject { ["email"] = Api.UniqueEmail("x"), ["password"] = ApiFixture.Password, ["role"] = "sme", ["isAdmin"] = true };

        await Expect.ProblemAsync(await Api.CreateClient().PostAsJsonAsync("/api/v1/auth/register", body), 400, "isAdmin");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        var response = await Api.CreateClient().SendRawAsync(HttpMethod.Post, "/api/v1/auth/register", "{\"email\": \"a@b.kg\", ");

        await Expect.ProblemAsync(response, 400);
    }
}

public sealed class AuthTestsOnSqlite(SqliteApi api) : AuthTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class AuthTestsOnSqlServer : AuthTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public AuthTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
