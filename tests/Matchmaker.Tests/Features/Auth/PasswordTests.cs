using System.Net.Http.Json;

namespace Matchmaker.Tests.Features.Auth;

public abstract class PasswordTests<TApi>(TApi api) where TApi : ApiFixture
{
    private const string NewPassword = "a-brand-new-passphrase";

    protected TApi Api { get; } = api;

    [Theory]
    [InlineData("sme")]
    [InlineData("partner")]
    [InlineData("agency")]
    [InlineData("admin")]
    public async Task Changing_the_password_ends_every_earlier_token_and_only_the_new_password_signs_in(string role)
    {
        var user = await Api.UserAsync(role);
        var other = await Api.SignInAsync(user.Email, ApiFixture.Password, role);

        var response = await user.Client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = ApiFixture.Password, newPassword = NewPassword });

        await Expect.StatusAsync(response, 204);
        await Expect.ProblemAsync(await user.Client.GetAsync("/api/v1/auth/me"), 401);
        await Expect.ProblemAsync(await other.Client.GetAsync("/api/v1/auth/me"), 401);
        await Expect.ProblemAsync(await Api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = ApiFixture.Password }), 401);
        var renewed = await Api.SignInAsync(user.Email, NewPassword, role);
        Assert.Equal(user.UserId, renewed.UserId);
    }

    [Fact]
    public async Task A_wrong_current_password_is_a_400_on_current_password_and_changes_nothing()
    {
        var user = await Api.UserAsync("sme");

        var response = await user.Client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "not-the-password-at-all", newPassword = NewPassword });

        await Expect.ProblemAsync(response, 400, "currentPassword");
        await Expect.StatusAsync(await user.Client.GetAsync("/api/v1/auth/me"), 200);
        await Api.SignInAsync(user.Email, ApiFixture.Password, "sme");
    }

    [Theory]
    [InlineData("short-pass1")]
    [InlineData("")]
    public async Task The_new_password_follows_the_registration_rule(string newPassword)
    {
        var user = await Api.UserAsync("sme");

        var response = await user.Client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = ApiFixture.Password, newPassword });

        await Expect.ProblemAsync(response, 400, "newPassword");
        await Expect.StatusAsync(await user.Client.GetAsync("/api/v1/auth/me"), 200);
    }

    [Fact]
    public async Task A_password_over_128_characters_is_refused_as_at_registration()
    {
        var user = await Api.UserAsync("sme");

        var response = await user.Client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = ApiFixture.Password, newPassword = new string('p', 129) });

        await Expect.ProblemAsync(response, 400, "newPassword");
    }

    [Fact]
    public async Task Changing_the_password_needs_a_token()
    {
        var response = await Api.CreateClient().PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = ApiFixture.Password, newPassword = NewPassword });

        await Expect.ProblemAsync(response, 401);
    }
}

public sealed class PasswordTestsOnSqlite(SqliteApi api) : PasswordTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class PasswordTestsOnSqlServer : PasswordTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public PasswordTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
