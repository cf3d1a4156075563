using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaker.Tests.Harness;

/// <summary>
/// The real app in-process, configured only through settings, as an operator would. Its clients
/// check every JSON answer against the app's OpenAPI document (<see cref="ResponseContract"/>).
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly string environment;
    private readonly Lazy<Task<ResponseContract>> contract;

    private readonly TimeProvider? clock;

    /// <param name="clock">The app's clock; the system's when null.</param>
    public TestApp(IReadOnlyDictionary<string, string?> settings, string environment = "Testing", TimeProvider? clock = null)
    {
        this.settings = settings;
        this.environment = environment;
        this.clock = clock;
        contract = new Lazy<Task<ResponseContract>>(LoadContractAsync);
    }

    public new HttpClient CreateClient() => CreateClient(new WebApplicationFactoryClientOptions());

    public new HttpClient CreateClient(WebApplicationFactoryClientOptions options)
    {
        List<DelegatingHandler> handlers = [];
        if (options.AllowAutoRedirect)
            handlers.Add(new RedirectHandler(options.MaxAutomaticRedirections));
        if (options.HandleCookies)
            handlers.Add(new CookieContainerHandler());
        handlers.Add(new ResponseContractHandler(() => contract.Value));
        return CreateDefaultClient(options.BaseAddress, [.. handlers]);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        if (clock is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    private async Task<ResponseContract> LoadContractAsync()
    {
        using var client = Server.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json");
        return await ResponseContract.LoadAsync(document);
    }
}
