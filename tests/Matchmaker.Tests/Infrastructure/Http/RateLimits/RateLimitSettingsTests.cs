using System.Net.Http.Json;

namespace Matchmaker.Tests.Infrastructure.Http.RateLimits;

public sealed class RateLimitsOffTests(UnlimitedApi api) : IClassFixture<UnlimitedApi>
{
    [Fact]
    public async Task PermitLimit_zero_counts_nothing_and_sends_no_headers()
    {
        var client = api.ClientFrom(PeerApi.FreshPeer());
        var email = api.UniqueEmail("unlimited");
        await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = ApiFixture.Password, role = "partner" }), 201);
        // More than the default 10 sign-in attempts for one e-mail.
        for (var i = 0; i < 11; i++)
        {
            var attempt = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong-password-guess" });
            await Expect.ProblemAsync(attempt, 401);
            Assert.False(attempt.Headers.Contains("RateLimit"));
            Assert.False(attempt.Headers.Contains("RateLimit-Policy"));
        }

        var partner = await api.SignedInAsync("partner");
        var list = await partner.GetAsync("/api/v1/needs");
        await Expect.StatusAsync(list, 200);
        Assert.False(list.Headers.Contains("RateLimit"));
        Assert.False(list.Headers.Contains("RateLimit-Policy"));
    }
}

public sealed class DefaultRateLimitTests(DefaultLimitsApi api) : IClassFixture<DefaultLimitsApi>
{
    [Fact]
    public async Task Without_settings_forty_sign_ins_for_forty_emails_from_one_ip_reach_429()
    {
        var client = api.ClientFrom(PeerApi.FreshPeer());
        var statuses = new List<int>();
        for (var i = 0; i < 40; i++)
            statuses.Add((int)(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = api.UniqueEmail("nobody"), password = "wrong-password-guess" })).StatusCode);

        Assert.Equal(30, statuses.Count(s => s == 401));
        Assert.Equal(10, statuses.Count(s => s == 429));
    }

    [Fact]
    public async Task Without_settings_the_documented_defaults_apply()
    {
        var partner = await api.SignedInAsync("partner");
        var list = await partner.GetAsync("/api/v1/needs");
        await Expect.StatusAsync(list, 200);
        Assert.Equal("\"search\";q=120;w=60", string.Join(", ", list.Headers.GetValues("RateLimit-Policy")));

        var register = await api.ClientFrom(PeerApi.FreshPeer()).PostAsJsonAsync("/api/v1/auth/register",
            new { email = api.UniqueEmail("defaults"), password = ApiFixture.Password, role = "sme" });
        await Expect.StatusAsync(register, 201);
        Assert.Equal("\"register\";q=20;w=600", string.Join(", ", register.Headers.GetValues("RateLimit-Policy")));

        var write = await partner.PostAsJsonAsync("/api/v1/partners", new { });
        await Expect.ProblemAsync(write, 400);
        Assert.Equal("\"write\";q=120;w=60", string.Join(", ", write.Headers.GetValues("RateLimit-Policy")));
    }
}

public sealed class RetiredRateLimitSettingTests
{
    [Fact]
    public async Task The_retired_token_rate_limit_setting_stops_start_up_and_names_its_replacement()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Auth:TokenRateLimit:PermitLimit"] = "3" });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("RateLimits:SignIn:PermitLimit", error.Message);
    }
}
