using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Matchmaker.Tests.Infrastructure.Http.RateLimits;

/// <summary>
/// An app whose clients each come from a TCP peer address of the test's choosing, as Kestrel would
/// report it (the in-process server has none of its own), so tests do not share a client-IP partition.
/// </summary>
public abstract class PeerApi : SqliteApi
{
    private static int lastPeer;
    private Lazy<Task<ResponseContract>>? contract;

    /// <summary>A peer address no other test uses (198.18.0.0/15 is set aside for tests).</summary>
    public static IPAddress FreshPeer()
    {
        var n = Interlocked.Increment(ref lastPeer);
        return new IPAddress([198, 18, (byte)(n >> 8), (byte)n]);
    }

    public HttpClient ClientFrom(IPAddress peer, string? token = null)
    {
        contract ??= new Lazy<Task<ResponseContract>>(async () =>
            await ResponseContract.LoadAsync(await CreateClient().GetStringAsync("/openapi/v1.json")));
        var contractCheck = new ResponseContractHandler(() => contract.Value)
        {
            InnerHandler = App.Server.CreateHandler(context => context.Connection.RemoteIpAddress = peer),
        };
        var client = new HttpClient(contractCheck) { BaseAddress = App.Server.BaseAddress };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Registers an SME or partner and signs it in, from a peer of its own.</summary>
    public async Task<HttpClient> SignedInAsync(string role)
    {
        var client = ClientFrom(FreshPeer());
        var email = UniqueEmail(role);
        await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, role }), 201);
        var token = await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password }), 200);
        return ClientFrom(FreshPeer(), token["accessToken"]!.GetValue<string>());
    }
}

/// <summary>Small limits, over a window longer than any test run, and two known proxies.</summary>
public sealed class RateLimitedApi : PeerApi
{
    public const int Register = 3;
    public const int SignIn = 2;
    public const int Search = 5;
    public const int Write = 4;
    public const int WindowSeconds = 600;
    public const string Proxy = "10.0.0.1";
    public const string InnerProxy = "10.0.0.2";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["RateLimits:Register:PermitLimit"] = $"{Register}",
        ["RateLimits:Register:WindowSeconds"] = $"{WindowSeconds}",
        ["RateLimits:SignIn:PermitLimit"] = $"{SignIn}",
        ["RateLimits:SignIn:WindowSeconds"] = $"{WindowSeconds}",
        ["RateLimits:Search:PermitLimit"] = $"{Search}",
        ["RateLimits:Search:WindowSeconds"] = $"{WindowSeconds}",
        ["RateLimits:Write:PermitLimit"] = $"{Write}",
        ["RateLimits:Write:WindowSeconds"] = $"{WindowSeconds}",
        ["Network:KnownProxies:0"] = Proxy,
        ["Network:KnownProxies:1"] = InnerProxy,
    };
}

/// <summary>The test harness's settings: every limit off.</summary>
public sealed class UnlimitedApi : PeerApi;

/// <summary>The limits an operator gets without setting any.</summary>
public sealed class DefaultLimitsApi : PeerApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["RateLimits:Register:PermitLimit"] = null,
        ["RateLimits:SignIn:PermitLimit"] = null,
        ["RateLimits:Search:PermitLimit"] = null,
        ["RateLimits:Write:PermitLimit"] = null,
    };
}
