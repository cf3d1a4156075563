using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Matchmaker.Tests.Features.Matching.Criteria;
using Matchmaker.Tests.Features.Matching.Jobs;
using Microsoft.Data.Sqlite;

namespace Matchmaker.Tests.Security;

/// <summary>
/// The real process killed with SIGKILL in the middle of work, then started again on the same SQLite file:
/// every write the client was told succeeded is there, the stored matches satisfy <see cref="Invariants"/>,
/// and a re-score job that was cut off finishes.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Writers = 6;
    private const int AcknowledgedBeforeKill = 40;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Jobs__BatchSize"] = "1",
        ["Jobs__BatchPauseMilliseconds"] = "50",
        ["Jobs__StaleSeconds"] = "1",
        ["Jobs__PollSeconds"] = "1",
    };

    private readonly string directory = Path.Combine(Path.GetTempPath(), "matchmaker-crash", Guid.NewGuid().ToString("N"));

    private string Database => Path.Combine(directory, "matchmaker.db");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Every_acknowledged_write_survives_a_kill_during_a_write_burst()
    {
        var creates = new ConcurrentBag<(Guid Id, string Title)>();
        var updates = new (Guid NeedId, int Acknowledged, int Sent)[Writers];
        await using (var first = await ApiProcess.StartAsync(Database, Settings))
        {
            var (sme, smeId) = await SmeAsync(first);
            await PartnerAsync(first);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync(first, sme, smeId, w, creates, updates, stop.Token))).ToArray();
            var clock = Stopwatch.StartNew();
            while (creates.Count + updates.Sum(u => u.Acknowledged) < AcknowledgedBeforeKill && clock.Elapsed < TimeSpan.FromSeconds(30))
                await Task.Delay(20);

            await first.KillAsync();
            stop.Cancel();
            await Task.WhenAll(writers);
        }

        await using var second = await ApiProcess.StartAsync(Database, Settings);
        using var admin = second.Client(await second.SignInAsync(ApiFixture.AdminEmail, ApiFixture.AdminPassword));
        var lost = new List<string>();
        foreach (var (id, title) in creates)
        {
            var read = await admin.GetAsync($"/api/v1/needs/{id}");
            if (!read.IsSuccessStatusCode || (await read.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>() != title)
                lost.Add($"created need {id} '{title}': {(int)read.StatusCode}");
        }

        foreach (var (needId, acknowledged, sent) in updates.Where(u => u.Acknowledged > 0))
        {
            var stored = (await Expect.StatusAsync(await admin.GetAsync($"/api/v1/needs/{needId}"), 200))["title"]!.GetValue<string>();
            var version = int.Parse(stored.Split(' ')[^1][1..], System.Globalization.CultureInfo.InvariantCulture);
            if (version < acknowledged || version > sent)
                lost.Add($"need {needId} holds '{stored}' though update v{acknowledged} was acknowledged (v{sent} the last sent)");
        }

        await InvariantsHoldAsync();
        var acknowledgedWrites = creates.Count + updates.Sum(u => u.Acknowledged);
        output.WriteLine($"crash safety: SIGKILL during a write burst, acknowledged writes = {acknowledgedWrites} ({creates.Count} creates, {updates.Sum(u => u.Acknowledged)} updates), lost writes = {lost.Count}");
        Assert.True(lost.Count == 0, string.Join("\n", lost));
        Assert.True(acknowledgedWrites >= AcknowledgedBeforeKill, $"Only {acknowledgedWrites} writes were acknowledged before the kill.");
    }

    [Fact]
    public async Task A_rescore_job_killed_mid_run_finishes_after_a_restart()
    {
        string jobUrl;
        JsonNode before;
        await using (var first = await ApiProcess.StartAsync(Database, Settings))
        {
            var (sme, smeId) = await SmeAsync(first);
            await PartnerAsync(first);
            using var owner = first.Client(sme);
            for (var i = 0; i < 20; i++)
                await Expect.StatusAsync(await owner.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", Bodies.Need(title: $"Job need {i}")), 201);
            using var admin = first.Client(await first.SignInAsync(ApiFixture.AdminEmail, ApiFixture.AdminPassword));
            var read = await admin.GetAsync("/api/v1/criteria");
            var accepted = await admin.PutAsync("/api/v1/criteria", CriteriaBodies.Valid(minScore: 45), read.ETag());
            await Expect.StatusAsync(accepted, 202);
            jobUrl = accepted.Headers.Location!.ToString();
            before = await JobPolling.WaitForAsync(admin, jobUrl, j => JobPolling.Status(j) == "running" && j["processed"]!.GetValue<int>() >= 2);

            await first.KillAsync();
        }

        await using var second = await ApiProcess.StartAsync(Database, Settings);
        using var restarted = second.Client(await second.SignInAsync(ApiFixture.AdminEmail, ApiFixture.AdminPassword));
        var job = await JobPolling.WaitForAsync(restarted, jobUrl, j => JobPolling.Status(j) is "succeeded" or "failed");

        output.WriteLine($"crash safety: SIGKILL during a re-score job at {before["processed"]}/{before["total"]} needs, after restart status = {JobPolling.Status(job)}, processed = {job["processed"]}/{job["total"]}, attempts = {job["attempts"]}");
        Assert.True(JobPolling.Status(job) == "succeeded", job.ToJsonString());
        Assert.Equal(job["total"]!.GetValue<int>(), job["processed"]!.GetValue<int>());
        await InvariantsHoldAsync();
    }

    /// <summary>
    /// Writer <paramref name="w"/> alternates creating needs and updating one need of its own with titles ending
    /// <c>v1</c>, <c>v2</c>…, recording what was acknowledged and what was sent, until the process dies.
    /// </summary>
    private static async Task WriteAsync(ApiProcess api, string token, Guid smeId, int w, ConcurrentBag<(Guid, string)> creates,
        (Guid NeedId, int Acknowledged, int Sent)[] updates, CancellationToken stop)
    {
        using var client = api.Client(token);
        try
        {
            var own = await Expect.StatusAsync(await client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", Bodies.Need(title: $"Writer {w} v0"), stop), 201);
            var needId = Guid.Parse(own["id"]!.GetValue<string>());
            updates[w] = (needId, 0, 0);
            var etag = "\"1\"";
            for (var n = 1; !stop.IsCancellationRequested; n++)
            {
                var title = $"Burst {w}-{n}";
                var created = await client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", Bodies.Need(title: title), stop);
                creates.Add((Guid.Parse((await Expect.StatusAsync(created, 201))["id"]!.GetValue<string>()), title));

                updates[w] = updates[w] with { Sent = n };
                var updated = await client.PutAsync($"/api/v1/needs/{needId}", Bodies.Need(title: $"Writer {w} v{n}"), etag);
                await Expect.StatusAsync(updated, 200);
                etag = updated.ETag();
                updates[w] = updates[w] with { Acknowledged = n };
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
        {
            // The process was killed under this writer: what it had not been told succeeded does not count.
        }
    }

    private static async Task<(string Token, Guid SmeId)> SmeAsync(ApiProcess api)
    {
        var token = await RegisterAsync(api, "sme");
        using var client = api.Client(token);
        var sme = await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/smes", Bodies.Sme()), 201);
        return (token, Guid.Parse(sme["id"]!.GetValue<string>()));
    }

    private static async Task PartnerAsync(ApiProcess api)
    {
        using var client = api.Client(await RegisterAsync(api, "partner"));
        await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/partners", Bodies.Partner()), 201);
    }

    private static async Task<string> RegisterAsync(ApiProcess api, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@crash.test";
        using var client = api.Client();
        await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = ApiFixture.Password, role }), 201);
        return await api.SignInAsync(email, ApiFixture.Password);
    }

    /// <summary>The invariants on the file, allowing the restarted process a few seconds to finish re-scoring what the kill left pending.</summary>
    private async Task InvariantsHoldAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var connection = new SqliteConnection($"Data Source={Database}");
            await connection.OpenAsync();
            try
            {
                await Invariants.AssertHoldAsync(connection);
                return;
            }
            catch (Xunit.Sdk.XunitException) when (clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(500);
            }
        }
    }
}
