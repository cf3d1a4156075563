using System.Net.Http.Json;

namespace Matchmaker.Tests.Infrastructure.Auth;

public sealed class RateLimitedApi : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Auth:TokenRateLimit:PermitLimit"] = "3",
        ["Auth:TokenRateLimit:WindowSeconds"] = "600",
    };
}

public sealed class TokenRateLimitTests(RateLimitedApi api) : IClassFixture<RateLimitedApi>
{
    [Fact]
    public async Task Guessing_passwords_for_one_email_is_stopped_with_429_and_retry_after()
    {
        var sme = await api.UserAsync("sme");
        var client = api.CreateClient();
        for (var i = 0; i < 2; i++)
            await Expect.ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = sme.Email, password = $"wrong-password-{i}" }), 401);

        var limited = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = sme.Email, password = ApiFixture.Password });

        await Expect.ProblemAsync(limited, 429);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.True(limited.Headers.RetryAfter!.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task The_limit_is_per_email_so_other_users_still_sign_in()
    {
        var victim = await api.UserAsync("sme");
        var other = await api.UserAsync("partner");
        var client = api.CreateClient();
        for (var i = 0; i < 4; i++)
            await client.PostAsJsonAsync("/api/v1/auth/token", new { email = victim.Email, password = "wrong-password-x" });

        await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = other.Email, password = ApiFixture.Password }), 200);
    }
}
