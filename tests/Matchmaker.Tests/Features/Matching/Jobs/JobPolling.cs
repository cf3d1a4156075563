using System.Diagnostics;
using System.Text.Json.Nodes;
using Matchmaker.Api.Infrastructure.Data;
using Microsoft.Extensions.Configuration;

namespace Matchmaker.Tests.Features.Matching.Jobs;

internal static class JobPolling
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Reads the job until <paramref name="done"/> holds (bounded by <see cref="Patience"/>); every read goes to <paramref name="seen"/>.</summary>
    public static async Task<JsonNode> WaitForAsync(HttpClient client, string jobUrl, Func<JsonNode, bool> done, List<JsonNode>? seen = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var job = await Expect.StatusAsync(await client.GetAsync(jobUrl), 200);
            seen?.Add(job);
            if (done(job))
                return job;
            if (clock.Elapsed > Patience)
                throw new Xunit.Sdk.XunitException($"The job at {jobUrl} did not get there within {Patience.TotalSeconds} s; last seen: {job.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    public static Task<JsonNode> WaitForStatusAsync(HttpClient client, string jobUrl, string status) =>
        WaitForAsync(client, jobUrl, j => Status(j) == status || (Status(j) is "succeeded" or "failed" && status != Status(j) && Fail(j, status)));

    public static string Status(JsonNode job) => job["status"]!.GetValue<string>();

    /// <summary>The API's own connection factory on the fixture's database, for arranging states HTTP cannot reach.</summary>
    internal static ConnectionFactory Database(ApiFixture api) =>
        new(DatabaseOptions.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = api.Provider,
            ["ConnectionStrings:Matchmaker"] = api.ConnectionString,
        }).Build(), AppContext.BaseDirectory));

    private static bool Fail(JsonNode job, string expected) =>
        throw new Xunit.Sdk.XunitException($"Expected the job to reach '{expected}' but it ended '{Status(job)}': {job.ToJsonString()}");
}
