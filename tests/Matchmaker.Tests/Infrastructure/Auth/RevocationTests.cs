using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Matchmaker.Tests.Infrastructure.Auth;

/// <summary>A token speaks for its account only while the account is active with the token's role and security stamp.</summary>
public abstract class RevocationTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task A_deactivated_accounts_tokens_are_refused_everywhere_at_once()
    {
        var sme = await api.UserAsync("sme");
        await Expect.StatusAsync(await sme.Client.GetAsync("/api/v1/auth/me"), 200);

        await ChangeAsync(sme, "sme", isActive: false);

        Assert.Equal(401, (int)(await sme.Client.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(401, (int)(await sme.Client.PostAsJsonAsync("/api/v1/smes", Bodies.Sme())).StatusCode);
        await using var connection = await api.OpenDatabaseAsync();
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "SELECT COUNT(*) FROM smes s JOIN users u ON u.id = s.owner_user_id WHERE u.public_id = @Id", new { Id = api.KeyOf(sme.UserId) }));
    }

    [Fact]
    public async Task A_demoted_admins_old_token_no_longer_administers()
    {
        var email = api.UniqueEmail("second-admin");
        var admin = await api.AdminAsync();
        await Expect.StatusAsync(await admin.Client.PostAsJsonAsync("/api/v1/admin/users", new { email, password = ApiFixture.Password, role = "admin" }), 201);
        var second = await api.SignInAsync(email, ApiFixture.Password, "admin");
        await Expect.StatusAsync(await second.Client.GetAsync("/api/v1/admin/users"), 200);

        await ChangeAsync(second, "agency", isActive: true);

        Assert.Equal(401, (int)(await second.Client.GetAsync("/api/v1/admin/users")).StatusCode);
        Assert.Equal(401, (int)(await second.Client.PostAsJsonAsync("/api/v1/admin/users",
            new { email = api.UniqueEmail("sneaky"), password = ApiFixture.Password, role = "admin" })).StatusCode);
        var again = await api.SignInAsync(email, ApiFixture.Password, "agency");
        Assert.Equal(403, (int)(await again.Client.GetAsync("/api/v1/admin/users")).StatusCode);
    }

    [Fact]
    public async Task A_correctly_signed_token_for_no_account_is_refused()
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Forge(Guid.NewGuid(), "admin"));

        Assert.Equal(401, (int)(await client.GetAsync("/api/v1/admin/users")).StatusCode);
        Assert.Equal(401, (int)(await client.PostAsJsonAsync("/api/v1/admin/users",
            new { email = api.UniqueEmail("forged"), password = ApiFixture.Password, role = "admin" })).StatusCode);
    }

    [Fact]
    public async Task A_token_whose_role_claim_differs_from_the_account_is_refused()
    {
        var sme = await api.UserAsync("sme");
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Forge(sme.UserId, "admin"));

        Assert.Equal(401, (int)(await client.GetAsync("/api/v1/admin/users")).StatusCode);
    }

    private async Task ChangeAsync(Actor account, string role, bool isActive)
    {
        var admin = await api.AdminAsync();
        var read = await admin.Client.GetAsync($"/api/v1/admin/users/{account.UserId}");
        var body = new JsonObject { ["role"] = role, ["isActive"] = isActive };
        await Expect.StatusAsync(await admin.Client.PutAsync($"/api/v1/admin/users/{account.UserId}", body, read.ETag()), 200);
    }

    /// <summary>A token signed with the API's own key, as someone holding the key could make it.</summary>
    private static string Forge(Guid subject, string role) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "matchmaker",
        Audience = "matchmaker-api",
        Expires = DateTime.UtcNow.AddMinutes(10),
        Subject = new ClaimsIdentity([new Claim("sub", subject.ToString()), new Claim("role", role)]),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ApiFixture.SigningKey)), SecurityAlgorithms.HmacSha256),
    });
}

public sealed class RevocationTestsOnSqlite(SqliteApi api) : RevocationTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class RevocationTestsOnSqlServer : RevocationTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public RevocationTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
