using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Matchmaker.Tests.Security;

/// <summary>
/// Tokens that must not speak for anyone, each tried on every route of the route table that needs a token:
/// every answer is 401 problem details, and the same one whatever was wrong. The same routes with a good
/// token are not 401, so the probe can tell the difference.
/// </summary>
public abstract class TokenTests<TApi>(TApi api, ITestOutputHelper output) where TApi : ApiFixture
{
    private const string Issuer = "matchmaker";
    private const string Audience = "matchmaker-api";
    private const string PasswordRoute = "POST /api/v1/auth/password";

    [Fact]
    public async Task Every_bad_token_is_refused_on_every_protected_route()
    {
        var admin = await api.AdminAsync();
        var sme = await api.UserAsync("sme");
        var stamp = StampOf(sme.Token);
        var cases = new List<(string Name, string? Token)>
        {
            ("none", null),
            ("expired", Sign(sme.UserId, "sme", stamp, expires: DateTime.UtcNow.AddMinutes(-10))),
            ("wrong signing key", Sign(sme.UserId, "sme", stamp, key: "another-signing-key-that-is-long-enough-for-hmac")),
            ("wrong issuer", Sign(sme.UserId, "sme", stamp, issuer: "someone-else")),
            ("wrong audience", Sign(sme.UserId, "sme", stamp, audience: "another-api")),
            ("alg none", Unsigned(sme.UserId, "admin", stamp)),
            ("forged admin role, wrong key", Sign(admin.UserId, "admin", StampOf(admin.Token), key: "another-signing-key-that-is-long-enough-for-hmac")),
            ("role claim differs from the account", Sign(sme.UserId, "admin", stamp)),
            ("stamp differs from the account", Sign(sme.UserId, "sme", Guid.NewGuid().ToString("N"))),
            ("no stamp", Sign(sme.UserId, "sme", null)),
            ("not a JWT", "not-a-token"),
            ("deleted account", await DeletedAccountTokenAsync()),
            ("deactivated account", await ChangedAccountTokenAsync("sme", "sme", isActive: false)),
            ("demoted account", await ChangedAccountTokenAsync("admin", "agency", isActive: true)),
        };

        var (probes, accepted) = await ProbeAsync(cases);

        output.WriteLine($"token suite: {cases.Count} bad tokens x {ProtectedRoutes().Count} protected routes = {probes} probes, accepted = {accepted}");
        Assert.Equal(0, accepted);
    }

    [Fact]
    public async Task A_token_from_before_a_password_change_is_refused_on_every_protected_route()
    {
        Assert.SkipUnless(RouteTable.Of(api.App).Any(r => r.Key == PasswordRoute), $"{PasswordRoute} is not in this build's route table yet.");
        var sme = await api.UserAsync("sme");
        var change = await sme.Client.PostAsJsonAsync("/api/v1/auth/password",
            new { currentPassword = ApiFixture.Password, newPassword = "a-brand-new-password-for-tests" });
        await Expect.StatusAsync(change, 204);

        var (probes, accepted) = await ProbeAsync([("password changed", sme.Token)]);

        output.WriteLine($"token suite, password change: {probes} probes, accepted = {accepted}");
        Assert.Equal(0, accepted);
        await api.SignInAsync(sme.Email, "a-brand-new-password-for-tests", "sme");
    }

    [Fact]
    public async Task A_good_token_gets_past_authentication_on_every_protected_route()
    {
        var sme = await api.UserAsync("sme");
        var refused = new List<string>();
        foreach (var route in ProtectedRoutes())
        {
            var response = await sme.Client.SendAsync(Request(route));
            if ((int)response.StatusCode == 401)
                refused.Add(route.Key);
        }

        Assert.True(refused.Count == 0, "A valid token was refused on: " + string.Join(", ", refused));
    }

    private List<ApiRoute> ProtectedRoutes() => RouteTable.Of(api.App).Where(r => !r.AllowsAnonymous).ToList();

    /// <summary>Sends each token to each protected route; every answer must be the same 401 problem. Returns the probes made and how many were not 401.</summary>
    private async Task<(int Probes, int Accepted)> ProbeAsync(IReadOnlyList<(string Name, string? Token)> cases)
    {
        int probes = 0, accepted = 0;
        var wrong = new List<string>();
        var bodies = new HashSet<string>();
        foreach (var (name, token) in cases)
        {
            using var client = api.CreateClient(token);
            foreach (var route in ProtectedRoutes())
            {
                var response = await client.SendAsync(Request(route));
                probes++;
                if ((int)response.StatusCode != 401)
                {
                    accepted++;
                    wrong.Add($"{name} on {route.Key}: {(int)response.StatusCode}");
                    continue;
                }

                var problem = await Expect.ProblemAsync(response, 401);
                problem.Remove("traceId");
                problem.Remove("instance");
                bodies.Add(problem.ToJsonString());
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} probe(s) were not refused:\n" + string.Join("\n", wrong.Take(50)));
        Assert.True(bodies.Count == 1, "A 401 tells why the token failed; the bodies were:\n" + string.Join("\n", bodies));
        return (probes, accepted);
    }

    private static HttpRequestMessage Request(ApiRoute route)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(route.Template, @"\{\w+\}", Guid.NewGuid().ToString());
        var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.Method is "POST" or "PUT")
            request.Content = JsonContent.Create(new JsonObject());
        return request;
    }

    /// <summary>A freshly issued token whose account row was then deleted straight from the database.</summary>
    private async Task<string> DeletedAccountTokenAsync()
    {
        var email = api.UniqueEmail("deleted");
        await Expect.StatusAsync(await api.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email, password = ApiFixture.Password, role = "sme" }), 201);
        var token = (await Expect.StatusAsync(await api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = ApiFixture.Password }), 200))["accessToken"]!.GetValue<string>();
        await using var connection = await api.OpenDatabaseAsync();
        Assert.Equal(1, await connection.ExecuteAsync("DELETE FROM users WHERE email = @email", new { email }));
        return token;
    }

    /// <summary>The token of an account that the admin then changed through <c>PUT /admin/users/{id}</c>.</summary>
    private async Task<string> ChangedAccountTokenAsync(string role, string newRole, bool isActive)
    {
        var account = await api.UserAsync(role);
        var admin = await api.AdminAsync();
        var read = await admin.Client.GetAsync($"/api/v1/admin/users/{account.UserId}");
        var body = new JsonObject { ["role"] = newRole, ["isActive"] = isActive };
        await Expect.StatusAsync(await admin.Client.PutAsync($"/api/v1/admin/users/{account.UserId}", body, read.ETag()), 200);
        return account.Token;
    }

    private static string? StampOf(string token) => new JsonWebToken(token).TryGetClaim("stamp", out var claim) ? claim.Value : null;

    private static string Sign(Guid subject, string role, string? stamp, DateTime? expires = null, string key = ApiFixture.SigningKey,
        string issuer = Issuer, string audience = Audience)
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(10);
        List<Claim> claims = [new("sub", subject.ToString()), new("role", role)];
        if (stamp is not null)
            claims.Add(new Claim("stamp", stamp));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = exp.AddMinutes(-60),
            NotBefore = exp.AddMinutes(-60),
            Expires = exp,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A token that says <c>alg: none</c> and carries no signature.</summary>
    private static string Unsigned(Guid subject, string role, string? stamp)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT" };
        var payload = new JsonObject
        {
            ["sub"] = subject.ToString(), ["role"] = role, ["stamp"] = stamp, ["iss"] = Issuer, ["aud"] = Audience,
            ["iat"] = now, ["nbf"] = now, ["exp"] = now + 600,
        };
        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.";
    }
}

public sealed class TokenTestsOnSqlite(SqliteApi api, ITestOutputHelper output) : TokenTests<SqliteApi>(api, output), IClassFixture<SqliteApi>;

public sealed class TokenTestsOnSqlServer : TokenTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public TokenTestsOnSqlServer(SqlServerApi api, ITestOutputHelper output) : base(api, output) => api.SkipWhenUnavailable();
}
