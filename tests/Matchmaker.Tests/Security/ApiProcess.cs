using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace Matchmaker.Tests.Security;

/// <summary>
/// The built API run as its own process (<c>dotnet Matchmaker.Api.dll</c>) on a free port over a SQLite file,
/// configured through environment variables as an operator would, so a test can kill it outright.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder log = new();

    private ApiProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Log
    {
        get
        {
            lock (log)
                return log.ToString();
        }
    }

    public static async Task<ApiProcess> StartAsync(string databaseFile, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Matchmaker.Api.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Matchmaker"] = $"Data Source={databaseFile}";
        start.Environment["Auth__SigningKey"] = ApiFixture.SigningKey;
        start.Environment["Bootstrap__AdminEmail"] = ApiFixture.AdminEmail;
        start.Environment["Bootstrap__AdminPassword"] = ApiFixture.AdminPassword;
        start.Environment["Seed__Demo"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;

        var api = new ApiProcess(new Process { StartInfo = start }, new Uri($"http://127.0.0.1:{port}"));
        api.process.OutputDataReceived += (_, e) => api.Append(e.Data);
        api.process.ErrorDataReceived += (_, e) => api.Append(e.Data);
        api.process.Start();
        api.process.BeginOutputReadLine();
        api.process.BeginErrorReadLine();
        await api.WaitUntilReadyAsync();
        return api;
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> SignInAsync(string email, string password)
    {
        using var client = Client();
        var answer = await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password }), 200);
        return answer["accessToken"]!.GetValue<string>();
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, as a power cut of the process would leave it.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
            await KillAsync();
        process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = Client();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartPatience)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The API exited with {process.ExitCode} while starting:\n{Log}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"The API was not ready within {StartPatience.TotalSeconds} s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (log)
            log.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
