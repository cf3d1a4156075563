using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Matchmaker.Tests.Features.Demo;

namespace Matchmaker.Tests.Features.Dashboard;

/// <summary>
/// The app with the demo world on a real loopback port (Kestrel, not the in-memory test server), so that a browser can
/// load the dashboard. Settings as <see cref="ApiFixture"/> gives every test app.
/// </summary>
public sealed class DashboardHost : WebApplicationFactory<Program>
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "matchmaker-tests", Guid.NewGuid().ToString("N"));

    public DashboardHost()
    {
        Directory.CreateDirectory(directory);
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Starts the server and answers its address once the app is ready.</summary>
    public async Task<Uri> StartAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var root = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        using var client = new HttpClient { BaseAddress = root };
        var ready = await client.GetAsync("/health/ready");
        if (!ready.IsSuccessStatusCode)
            throw new InvalidOperationException($"The app did not become ready: {(int)ready.StatusCode}.");
        return root;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(DemoSeeded.Environment);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Matchmaker"] = $"Data Source={Path.Combine(directory, "matchmaker.db")}",
            ["Auth:SigningKey"] = ApiFixture.SigningKey,
            ["Bootstrap:AdminEmail"] = ApiFixture.AdminEmail,
            ["Bootstrap:AdminPassword"] = ApiFixture.AdminPassword,
            ["Logging:LogLevel:Default"] = "Warning",
            ["RateLimits:SignIn:PermitLimit"] = "0",
            ["RateLimits:Search:PermitLimit"] = "0",
        };
        foreach (var (key, value) in settings.Concat(DemoSeeded.Settings))
            builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
    }
}
