using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Matchmaker.Tests.Features.Dashboard;

/// <summary>
/// The demo world on a real port and a headless Chromium driven through the Debian chromedriver (same build as the
/// browser). Where either is missing, <see cref="SkipReason"/> says so and the browser tests are skipped.
/// </summary>
public sealed class DashboardBrowser : IAsyncLifetime
{
    private static readonly string[] BrowserNames = ["chromium", "chromium-browser", "google-chrome"];

    private DashboardHost? host;
    private ChromeDriver? driver;

    public string? SkipReason { get; } = FindReason();

    public Uri Root { get; private set; } = new("http://127.0.0.1/");

    public IWebDriver Driver => driver ?? throw new InvalidOperationException("No browser.");

    /// <summary>Where the browser saves downloads.</summary>
    public string Downloads { get; } = Path.Combine(Path.GetTempPath(), "matchmaker-dashboard-downloads", Guid.NewGuid().ToString("N"));

    /// <summary>Where the tests write screenshots of the main views (DASHBOARD_SCREENSHOTS, else beside the test assembly).</summary>
    public static string Screenshots { get; } = Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(AppContext.BaseDirectory, "dashboard-screenshots");

    public void SkipWhenUnavailable() => Assert.SkipUnless(SkipReason is null, SkipReason ?? "");

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
            return;
        host = new DashboardHost();
        Root = await host.StartAsync();
        Directory.CreateDirectory(Downloads);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Find("chromedriver"))!, "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = BrowserNames.Select(Find).First(p => p is not null) };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900", "--lang=en-US");
        options.AddUserProfilePreference("download.default_directory", Downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.ExecuteCdpCommand("Browser.setDownloadBehavior", new Dictionary<string, object?> { ["behavior"] = "allow", ["downloadPath"] = Downloads });
    }

    /// <summary>A client of the same app, for reading what the API answers.</summary>
    public HttpClient Client(string? token = null, string language = "en")
    {
        var client = new HttpClient { BaseAddress = Root };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        driver?.Quit();
        driver?.Dispose();
        if (host is not null)
            await host.DisposeAsync();
        if (Directory.Exists(Downloads))
            Directory.Delete(Downloads, recursive: true);
    }

    private static string? FindReason()
    {
        if (BrowserNames.All(name => Find(name) is null))
            return "No Chromium on this machine (apt-get install chromium chromium-driver): the dashboard's browser tests need one.";
        if (Find("chromedriver") is null)
            return "No chromedriver on this machine (apt-get install chromium-driver): the dashboard's browser tests need one.";
        return null;
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
