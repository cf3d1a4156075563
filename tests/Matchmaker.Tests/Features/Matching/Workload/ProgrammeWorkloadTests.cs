using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Tests.Features.Matching.Criteria;

namespace Matchmaker.Tests.Features.Matching.Workload;

/// <summary>Re-score jobs slowed so that they interleave with the workload's writes.</summary>
public sealed class InterleavedJobsSqliteApi : SqliteApi
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Jobs:BatchSize"] = "3",
        ["Jobs:BatchPauseMilliseconds"] = "25",
        ["Jobs:PollSeconds"] = "1",
    };

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => Settings;
}

public sealed class InterleavedJobsSqlServerApi : SqlServerApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => InterleavedJobsSqliteApi.Settings;
}

/// <summary>
/// A programme run as people run it: SMEs and Shandong firms editing, posting, closing and opting in
/// while an agency changes the criteria three times and FX rates move, from several clients at once.
/// Whatever the interleaving, once the jobs are done every stored match is what the records say. On SQL Server,
/// whose readers wait for writers, the writes of a need and of a partner that overlap must also neither wait on
/// each other until one is ended as a deadlock (a 500) nor score against each other's old rows.
/// </summary>
public abstract class ProgrammeWorkloadTests<TApi>(TApi api) where TApi : ApiFixture
{
    private const int Seed = 20261126;
    private const int Clients = 4;
    private const int OperationsPerClient = 500;
    private static readonly string[] Sectors = ["C28", "C29", "C25", "C10", "A01", "C27", "M71"];
    private static readonly string[] Regions = ["KG-C", "KG-Y", "KG-GB", "KG-O", "KG-J"];
    private static readonly string[] NeedTypes = ["equity", "loan", "joint_venture", "equipment_supply", "technology_transfer", "offtake"];
    private static readonly string[] Languages = ["ky", "ru", "zh", "en"];
    private static readonly string[] Certifications = ["ISO 9001", "HACCP", "CE"];
    private static readonly string[] Currencies = ["USD", "CNY", "KGS"];

    private readonly ConcurrentDictionary<string, int> outcomes = new();
    private readonly ConcurrentBag<string> failures = [];
    private readonly List<(Actor Owner, Guid SmeId)> smes = [];
    private readonly List<(Actor Owner, Guid PartnerId)> partners = [];
    private readonly List<(Actor Owner, Guid NeedId)> needs = [];
    private readonly Lock gate = new();

    [Fact]
    public async Task After_2000_concurrent_operations_and_three_criteria_changes_every_stored_match_is_what_the_records_say()
    {
        var setup = new Random(Seed);
        for (var i = 0; i < 10; i++)
        {
            var (owner, smeId) = await Create.SmeAccountAsync(api, SmeBody(setup));
            smes.Add((owner, smeId));
            needs.Add((owner, await Create.NeedAsync(owner, smeId, NeedBody(setup))));
        }

        for (var i = 0; i < 12; i++)
            partners.Add(await Create.PartnerAccountAsync(api, PartnerBody(setup)));

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(() => RunClientAsync(c))));
        var workload = clock.Elapsed;
        await JobsDoneAsync();

        var report = string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}={o.Value}"));
        TestContext.Current.TestOutputHelper?.WriteLine($"Workload: {Clients * OperationsPerClient} operations in {workload.TotalSeconds:0.0} s; {report}");
        Assert.Equal(Clients * OperationsPerClient, outcomes.Values.Sum());
        Assert.Equal(3, outcomes.Where(o => o.Key.StartsWith("criteria ", StringComparison.Ordinal)).Sum(o => o.Value));
        Assert.True(failures.IsEmpty, "server errors: " + string.Join("; ", failures));
        Assert.True(outcomes.Where(o => o.Key.StartsWith("interest 200", StringComparison.Ordinal)).Sum(o => o.Value) > 20, report);
        await Invariants.AssertHoldAsync(api);
    }

    private async Task RunClientAsync(int client)
    {
        var rng = new Random(Seed + client + 1);
        var admin = await api.AdminAsync();
        for (var op = 0; op < OperationsPerClient; op++)
        {
            if (client == 0 && op is 60 or 200 or 340)
            {
                await ChangeCriteriaAsync(admin, rng);
                continue;
            }

            var roll = rng.Next(100);
            await (roll switch
            {
                < 14 => CreateNeedAsync(rng),
                < 28 => UpdateNeedAsync(rng),
                < 33 => CloseNeedAsync(rng),
                < 41 => UpdateSmeAsync(rng),
                < 53 => UpdatePartnerAsync(rng),
                < 55 => CreatePartnerAsync(rng),
                < 67 => InterestAsync(rng, fromSme: true),
                < 79 => InterestAsync(rng, fromSme: false),
                < 83 => DeclineAsync(rng),
                < 88 => StageAsync(rng),
                < 91 => FxAsync(admin, rng),
                _ => ReadAsync(rng),
            });
        }
    }

    private async Task CreateNeedAsync(Random rng)
    {
        var (owner, smeId) = Pick(rng, smes);
        var response = await owner.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", NeedBody(rng));
        if (response.StatusCode == System.Net.HttpStatusCode.Created)
        {
            var id = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
            lock (gate)
                needs.Add((owner, id));
        }

        Count("create need", response);
    }

    private async Task UpdateNeedAsync(Random rng)
    {
        var (owner, needId) = Pick(rng, needs);
        var read = await owner.Client.GetAsync($"/api/v1/needs/{needId}");
        var body = NeedBody(rng);
        Count("update need", await owner.Client.PutAsync($"/api/v1/needs/{needId}", body, read.ETag()));
    }

    private async Task CloseNeedAsync(Random rng)
    {
        var (owner, needId) = Pick(rng, needs);
        Count("close need", await owner.Client.PostAsJsonAsync($"/api/v1/needs/{needId}/close", new JsonObject()));
    }

    private async Task UpdateSmeAsync(Random rng)
    {
        var (owner, smeId) = Pick(rng, smes);
        var read = await owner.Client.GetAsync($"/api/v1/smes/{smeId}");
        var body = SmeBody(rng);
        body["inn"] = (await read.Content.ReadFromJsonAsync<JsonObject>())!["inn"]!.GetValue<string>();
        Count("update sme", await owner.Client.PutAsync($"/api/v1/smes/{smeId}", body, read.ETag()));
    }

    private async Task UpdatePartnerAsync(Random rng)
    {
        var (owner, partnerId) = Pick(rng, partners);
        var read = await owner.Client.GetAsync($"/api/v1/partners/{partnerId}");
        var body = PartnerBody(rng);
        body["uscc"] = (await read.Content.ReadFromJsonAsync<JsonObject>())!["uscc"]!.GetValue<string>();
        Count("update partner", await owner.Client.PutAsync($"/api/v1/partners/{partnerId}", body, read.ETag()));
    }

    private async Task CreatePartnerAsync(Random rng)
    {
        var owner = await api.UserAsync("partner");
        var response = await owner.Client.PostAsJsonAsync("/api/v1/partners", PartnerBody(rng));
        if (response.StatusCode == System.Net.HttpStatusCode.Created)
        {
            var id = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
            lock (gate)
                partners.Add((owner, id));
        }

        Count("create partner", response);
    }

    private async Task InterestAsync(Random rng, bool fromSme)
    {
        var (owner, id) = fromSme ? Pick(rng, needs) : Pick(rng, partners);
        var list = await owner.Client.GetAsync(fromSme ? $"/api/v1/needs/{id}/matches?limit=100" : $"/api/v1/partners/{id}/matches?limit=100");
        if (await AnyMatchAsync(list, rng) is not { } matchId)
        {
            Count("read matches", list);
            return;
        }

        Count("interest", await Matches.PostActionAsync(owner.Client, matchId, "interest"));
    }

    private async Task DeclineAsync(Random rng)
    {
        var (owner, needId) = Pick(rng, needs);
        var list = await owner.Client.GetAsync($"/api/v1/needs/{needId}/matches?limit=100");
        if (await AnyMatchAsync(list, rng) is not { } matchId)
        {
            Count("read matches", list);
            return;
        }

        Count("decline", await Matches.PostActionAsync(owner.Client, matchId, "decline", new JsonObject { ["reason"] = "Not now" }));
    }

    private async Task StageAsync(Random rng)
    {
        var (owner, needId) = Pick(rng, needs);
        var list = await owner.Client.GetAsync($"/api/v1/needs/{needId}/matches?limit=100");
        if (await AnyMatchAsync(list, rng) is not { } matchId)
        {
            Count("read matches", list);
            return;
        }

        string[] stages = ["meeting", "negotiation", "agreement", "closed"];
        var body = new JsonObject { ["stage"] = stages[rng.Next(stages.Length)] };
        Count("stage", await Matches.PostActionAsync(owner.Client, matchId, "stage", body));
    }

    private async Task FxAsync(Actor admin, Random rng)
    {
        var body = new JsonObject
        {
            ["rates"] = new JsonArray(
                new JsonObject { ["currency"] = "CNY", ["usdPerUnit"] = Math.Round(0.12m + (decimal)rng.NextDouble() * 0.04m, 6), ["effectiveDate"] = Today() },
                new JsonObject { ["currency"] = "KGS", ["usdPerUnit"] = Math.Round(0.010m + (decimal)rng.NextDouble() * 0.003m, 6), ["effectiveDate"] = Today() }),
        };
        Count("fx", await admin.Client.PutAsync("/api/v1/reference/fx-rates", body, ifMatch: null));
    }

    private async Task ChangeCriteriaAsync(Actor admin, Random rng)
    {
        var read = await admin.Client.GetAsync("/api/v1/criteria");
        var body = CriteriaBodies.Valid(minScore: new[] { 30, 40, 50 }[rng.Next(3)]);
        foreach (var criterion in body["criteria"]!.AsArray())
            criterion!["weight"] = rng.Next(1, 41);
        Count("criteria", await admin.Client.PutAsync("/api/v1/criteria", body, read.ETag()));
    }

    private async Task ReadAsync(Random rng)
    {
        var (owner, _) = Pick(rng, partners);
        Count("read search", await owner.Client.GetAsync($"/api/v1/needs?sector={Pick(rng, Sectors)}&limit=50"));
    }

    private async Task JobsDoneAsync()
    {
        await using var connection = await api.OpenDatabaseAsync();
        await JobsSettled.WaitAsync(connection);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM jobs WHERE status = 'failed' AND error NOT LIKE '%superseded%'"));
    }

    private static async Task<Guid?> AnyMatchAsync(HttpResponseMessage list, Random rng)
    {
        if (!list.IsSuccessStatusCode)
            return null;
        var items = (await list.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        return items.Count == 0 ? null : Guid.Parse(items[rng.Next(items.Count)]!["id"]!.GetValue<string>());
    }

    private void Count(string operation, HttpResponseMessage response)
    {
        outcomes.AddOrUpdate($"{operation} {(int)response.StatusCode}", 1, (_, n) => n + 1);
        if ((int)response.StatusCode >= 500)
            failures.Add($"{operation}: {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
    }

    private T Pick<T>(Random rng, List<T> list)
    {
        lock (gate)
            return list[rng.Next(list.Count)];
    }

    private static T Pick<T>(Random rng, T[] values) => values[rng.Next(values.Length)];

    private static string[] Some(Random rng, string[] values, int min, int max) =>
        values.OrderBy(_ => rng.Next()).Take(rng.Next(min, max + 1)).ToArray();

    private static string Today() => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    private static JsonObject SmeBody(Random rng)
    {
        var body = Bodies.Sme(region: Pick(rng, Regions), sectors: Some(rng, Sectors, 1, 3));
        body["exportOriented"] = rng.Next(2) == 0;
        body["languages"] = Bodies.Array(Some(rng, Languages, 1, 3));
        body["certifications"] = Bodies.Array(Some(rng, Certifications, 0, 2));
        return body;
    }

    private static JsonObject NeedBody(Random rng)
    {
        var body = Bodies.Need(amount: rng.Next(20, 5_000) * 1_000m, currency: Pick(rng, Currencies));
        body["needTypes"] = Bodies.Array(Some(rng, NeedTypes, 1, 3));
        body["jobsToCreate"] = rng.Next(0, 150);
        if (rng.Next(4) == 0)
            body["sectors"] = Bodies.Array(Some(rng, Sectors, 1, 2));
        return body;
    }

    private static JsonObject PartnerBody(Random rng)
    {
        var body = Bodies.Partner(sectors: Some(rng, Sectors, 1, 3));
        body["offerings"] = Bodies.Array(Some(rng, NeedTypes, 1, 4));
        var min = rng.Next(10, 500) * 1_000;
        body["ticket"] = new JsonObject { ["minUsd"] = min, ["maxUsd"] = min * rng.Next(2, 50) };
        body["targetRegions"] = Bodies.Array(Some(rng, Regions, 0, 3));
        body["languages"] = Bodies.Array(Some(rng, Languages, 1, 3));
        body["seeksExportOriented"] = rng.Next(2) == 0;
        body["requiredCertifications"] = Bodies.Array(Some(rng, Certifications, 0, 2));
        return body;
    }
}

public sealed class ProgrammeWorkloadTestsOnSqlite(InterleavedJobsSqliteApi api) : ProgrammeWorkloadTests<InterleavedJobsSqliteApi>(api), IClassFixture<InterleavedJobsSqliteApi>;

public sealed class ProgrammeWorkloadTestsOnSqlServer : ProgrammeWorkloadTests<InterleavedJobsSqlServerApi>, IClassFixture<InterleavedJobsSqlServerApi>
{
    public ProgrammeWorkloadTestsOnSqlServer(InterleavedJobsSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
