using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Matchmaker.Tests.Infrastructure.Http.RateLimits;

public sealed partial class RateLimitTests(RateLimitedApi api) : IClassFixture<RateLimitedApi>
{
    private const int Window = RateLimitedApi.WindowSeconds;

    [Fact]
    public async Task Registering_is_limited_per_client_ip()
    {
        var client = api.ClientFrom(PeerApi.FreshPeer());
        for (var i = 0; i < RateLimitedApi.Register; i++)
            await Expect.StatusAsync(await RegisterAsync(client), 201);

        var refused = await RegisterAsync(client);

        await AssertRefusedAsync(refused, "register");
        await Expect.StatusAsync(await RegisterAsync(api.ClientFrom(PeerApi.FreshPeer())), 201);
    }

    [Fact]
    public async Task Guessing_one_accounts_password_is_stopped_per_ip_and_email()
    {
        var email = await RegisteredEmailAsync();
        var client = api.ClientFrom(PeerApi.FreshPeer());
        for (var i = 0; i < RateLimitedApi.SignIn; i++)
            await Expect.ProblemAsync(await SignInAsync(client, email, $"wrong-password-{i}"), 401);

        var refused = await SignInAsync(client, email, ApiFixture.Password);

        await AssertRefusedAsync(refused, "signin");
        Assert.Equal($"\"signin-ip\";q={3 * RateLimitedApi.SignIn};w={Window}, \"signin\";q={RateLimitedApi.SignIn};w={Window}", Header(refused, "RateLimit-Policy"));
        await Expect.StatusAsync(await SignInAsync(api.ClientFrom(PeerApi.FreshPeer()), email, ApiFixture.Password), 200);
        var other = await RegisteredEmailAsync();
        await Expect.StatusAsync(await SignInAsync(client, other, ApiFixture.Password), 200);
    }

    [Fact]
    public async Task Trying_many_emails_from_one_ip_is_stopped_per_ip()
    {
        var client = api.ClientFrom(PeerApi.FreshPeer());
        var statuses = new List<int>();
        for (var i = 0; i < 40; i++)
            statuses.Add((int)(await SignInAsync(client, api.UniqueEmail("nobody"), "wrong-password-guess")).StatusCode);

        Assert.All(statuses.Take(3 * RateLimitedApi.SignIn), s => Assert.Equal(401, s));
        Assert.All(statuses.Skip(3 * RateLimitedApi.SignIn), s => Assert.Equal(429, s));
        await AssertRefusedAsync(await SignInAsync(client, api.UniqueEmail("nobody"), "wrong-password-guess"), "signin-ip");
    }

    [Fact]
    public async Task A_partner_paging_the_directory_is_limited_and_another_account_is_not()
    {
        var partner = await api.SignedInAsync("partner");
        var other = await api.SignedInAsync("partner");
        for (var i = 0; i < RateLimitedApi.Search; i++)
            await Expect.StatusAsync(await partner.GetAsync("/api/v1/needs?limit=1"), 200);

        var refused = await partner.GetAsync("/api/v1/needs?limit=1");

        await AssertRefusedAsync(refused, "search");
        await Expect.StatusAsync(await other.GetAsync("/api/v1/needs?limit=1"), 200);
        // A single read is not a list: it counts against nothing.
        await Expect.StatusAsync(await partner.GetAsync("/api/v1/auth/me"), 200);
    }

    [Fact]
    public async Task Writes_are_limited_per_account_whatever_their_outcome()
    {
        var sme = await api.SignedInAsync("sme");
        var other = await api.SignedInAsync("sme");
        for (var i = 0; i < RateLimitedApi.Write; i++)
            await Expect.ProblemAsync(await sme.PostAsJsonAsync("/api/v1/smes", new { }), 400);

        var refused = await sme.PostAsJsonAsync("/api/v1/smes", new { });

        await AssertRefusedAsync(refused, "write");
        await Expect.ProblemAsync(await other.PostAsJsonAsync("/api/v1/smes", new { }), 400);
    }

    [Fact]
    public async Task Every_answer_of_a_limited_route_carries_the_draft_10_headers_with_r_counting_down()
    {
        var partner = await api.SignedInAsync("partner");
        var remaining = new List<int>();
        for (var i = 0; i < RateLimitedApi.Search; i++)
        {
            var response = await partner.GetAsync("/api/v1/needs?limit=1");
            await Expect.StatusAsync(response, 200);
            Assert.Equal($"\"search\";q={RateLimitedApi.Search};w={Window}", Header(response, "RateLimit-Policy"));
            var match = LimitPattern().Match(Header(response, "RateLimit"));
            Assert.True(match.Success, $"RateLimit: {Header(response, "RateLimit")}");
            Assert.Equal("search", match.Groups["name"].Value);
            Assert.InRange(int.Parse(match.Groups["t"].Value), 1, Window);
            remaining.Add(int.Parse(match.Groups["r"].Value));
        }

        Assert.Equal(Enumerable.Range(0, RateLimitedApi.Search).Reverse(), remaining);
    }

    [Fact]
    public async Task Anonymous_reference_lists_and_health_checks_are_not_limited()
    {
        var client = api.ClientFrom(PeerApi.FreshPeer());
        for (var i = 0; i < RateLimitedApi.Search + 2; i++)
        {
            var response = await client.GetAsync("/api/v1/reference/currencies");
            await Expect.StatusAsync(response, 200);
            Assert.False(response.Headers.Contains("RateLimit"));
        }

        Assert.False((await client.GetAsync("/health/live")).Headers.Contains("RateLimit"));
    }

    private async Task AssertRefusedAsync(HttpResponseMessage refused, string policy)
    {
        var problem = await Expect.ProblemAsync(refused, 429);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, Window);
        Assert.Contains($"retry in {(int)retryAfter.Value.TotalSeconds} seconds", problem["detail"]!.GetValue<string>());
        Assert.Matches($"(^|, )\"{policy}\";r=0;t={(int)retryAfter.Value.TotalSeconds}($|, )", Header(refused, "RateLimit"));
        Assert.Single(Regex.Matches(Header(refused, "RateLimit"), $"\"{policy}\";"));
        Assert.Single(Regex.Matches(Header(refused, "RateLimit-Policy"), $"\"{policy}\";"));
    }

    private async Task<string> RegisteredEmailAsync()
    {
        var email = api.UniqueEmail("limited");
        await Expect.StatusAsync(await RegisterAsync(api.ClientFrom(PeerApi.FreshPeer()), email), 201);
        return email;
    }

    private Task<HttpResponseMessage> RegisterAsync(HttpClient client, string? email = null) =>
        client.PostAsJsonAsync("/api/v1/auth/register", new { email = email ?? api.UniqueEmail("limited"), password = ApiFixture.Password, role = "sme" });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    [GeneratedRegex("^\"(?<name>[a-z-]+)\";r=(?<r>[0-9]+);t=(?<t>[0-9]+)$")]
    private static partial Regex LimitPattern();
}
