using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Harness;

/// <summary>
/// One app and one fresh database per test class. Derived fixtures decide the provider; the
/// test classes are written once against this base and run on each provider.
/// </summary>
public abstract class ApiFixture : IAsyncLifetime
{
    public const string AdminEmail = "admin@matchmaker.test";
    public const string AdminPassword = "admin-password-for-tests";
    public const string SigningKey = "test-signing-key-that-is-long-enough-for-hmac-sha256";
    public const string Password = "correct-horse-battery";

    private readonly ConcurrentDictionary<Type, Lazy<object>> sharedWorlds = new();
    private TestApp? app;
    private string? connectionString;
    private Actor? admin;
    private int sequence;

    public abstract string Provider { get; }

    /// <summary>Null when the provider can run here; otherwise why its tests are skipped.</summary>
    public virtual string? SkipReason => null;

    /// <summary>Reports the running test skipped, with <see cref="SkipReason"/>, where the provider cannot run.</summary>
    public void SkipWhenUnavailable() => Assert.SkipUnless(SkipReason is null, SkipReason ?? "");

    public TestApp App => app ?? throw new InvalidOperationException("The app is not running.");

    /// <summary>The app's clock: a test moves it on to see what time does (needs expiring).</summary>
    public TestClock Clock { get; } = new();

    public string ConnectionString => connectionString ?? throw new InvalidOperationException("No database yet.");

    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>The host environment the app runs in; the demo data set may only be loaded in Development.</summary>
    protected virtual string HostEnvironment => "Testing";

    public virtual async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
            return;
        connectionString = await CreateDatabaseAsync();
        await StartAsync();
    }

    /// <summary>Whether the stored matches must satisfy <see cref="Invariants"/> once the class's tests are done.</summary>
    protected virtual bool ChecksInvariants => true;

    public virtual async ValueTask DisposeAsync()
    {
        if (app is not null && ChecksInvariants)
            await Invariants.AssertHoldAsync(this);
        if (app is not null)
            await app.DisposeAsync();
        await DropDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the app and starts a new one on the same database, as a restart or deploy would.</summary>
    public async Task RestartAsync()
    {
        if (app is not null)
            await app.DisposeAsync();
        admin = null;
        await StartAsync();
    }

    /// <summary>A direct connection to the test database, for asserting what the API stored.</summary>
    public async Task<System.Data.Common.DbConnection> OpenDatabaseAsync()
    {
        System.Data.Common.DbConnection connection = Provider == "SqlServer"
            ? new Microsoft.Data.SqlClient.SqlConnection(ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A public id as the database stores it, for direct queries: SQLite keeps GUIDs as text.</summary>
    public object KeyOf(Guid publicId) => Provider == "SqlServer" ? publicId : publicId.ToString("D");

    public HttpClient CreateClient(string? token = null)
    {
        var client = App.CreateClient();
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// The world of type <typeparamref name="TWorld"/>, built on the first call and handed to every later one.
    /// xUnit gives each test class its own fixture, so a world is shared by the tests of one class on one provider.
    /// </summary>
    public Task<TWorld> SharedAsync<TWorld>(Func<ApiFixture, Task<TWorld>> build) =>
        (Task<TWorld>)sharedWorlds.GetOrAdd(typeof(TWorld), _ => new Lazy<object>(() => build(this))).Value;

    public string UniqueEmail(string prefix) => $"{prefix}-{Interlocked.Increment(ref sequence)}-{Guid.NewGuid():N}@example.test";

    public async Task<Actor> AdminAsync() => admin ??= await SignInAsync(AdminEmail, AdminPassword, "admin");

    /// <summary>The admin shuts the account off (<c>isActive</c> false), as a step of a test about what follows.</summary>
    public async Task DeactivateAsync(Actor user)
    {
        var admin = await AdminAsync();
        var url = $"/api/v1/admin/users/{user.UserId}";
        var read = await admin.Client.GetAsync(url);
        await Expect.StatusAsync(read, 200);
        await Expect.StatusAsync(await admin.Client.PutAsync(url, new JsonObject { ["role"] = user.Role, ["isActive"] = false }, read.ETag()), 200);
    }

    /// <summary>Registers (sme, partner) or has the admin create (agency, admin) an account and signs it in.</summary>
    public async Task<Actor> UserAsync(string role)
    {
        var email = UniqueEmail(role);
        var body = new JsonObject { ["email"] = email, ["password"] = Password, ["role"] = role };
        HttpResponseMessage response;
        if (role is "sme" or "partner")
            response = await CreateClient().PostAsJsonAsync("/api/v1/auth/register", body);
        else
            response = await (await AdminAsync()).Client.PostAsJsonAsync("/api/v1/admin/users", body);
        await Expect.StatusAsync(response, 201);
        return await SignInAsync(email, Password, role);
    }

    public async Task<Actor> SignInAsync(string email, string password, string role)
    {
        var response = await CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        var json = await Expect.StatusAsync(response, 200);
        var token = json["accessToken"]!.GetValue<string>();
        var client = CreateClient(token);
        var me = await Expect.StatusAsync(await client.GetAsync("/api/v1/auth/me"), 200);
        return new Actor(email, role, token, client, Guid.Parse(me["id"]!.GetValue<string>()));
    }

    private async Task StartAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            ["ConnectionStrings:Matchmaker"] = ConnectionString,
            ["Auth:SigningKey"] = SigningKey,
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["Seed:Demo"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // Every test signs in and registers from one address; the rate-limit tests turn limits on.
            ["RateLimits:Register:PermitLimit"] = "0",
            ["RateLimits:SignIn:PermitLimit"] = "0",
            ["RateLimits:Search:PermitLimit"] = "0",
            ["RateLimits:Write:PermitLimit"] = "0",
            // Profiles take part without an agency's verification, unless a test is about vetting (Features/Verification).
            ["Profiles:RequireVerification"] = "false",
            // As in production: webhook URLs must be https and public; the tests use public IP literals, which need no DNS.
            ["Webhooks:AllowPrivateNetworks"] = "false",
        };
        foreach (var (key, value) in ExtraSettings)
            settings[key] = value;
        app = new TestApp(settings, HostEnvironment, Clock);
        using var client = app.CreateClient();
        var ready = await client.GetAsync("/health/ready");
        if (!ready.IsSuccessStatusCode)
            throw new InvalidOperationException($"The app did not become ready: {(int)ready.StatusCode}.");
    }

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();
}

public sealed record Actor(string Email, string Role, string Token, HttpClient Client, Guid UserId);
