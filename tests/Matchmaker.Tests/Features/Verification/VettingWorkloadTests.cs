using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Tests.Features.Matching.Criteria;
using Matchmaker.Tests.Features.Matching.Workload;

namespace Matchmaker.Tests.Features.Verification;

/// <summary>Vetting on, with re-score jobs slowed so that they interleave with the decisions and edits.</summary>
public sealed class VettingWorkloadSqliteApi : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        VettingSettings.On.Concat(InterleavedJobsSqliteApi.Settings).ToDictionary();
}

/// <summary>
/// Agencies verifying and rejecting while owners edit their names, post needs and opt in, from several clients at
/// once, with a criteria change in the middle: afterwards every stored match is what the records say, no suggestion
/// involves a profile that is not verified, and no list shows anyone a profile that is not.
/// </summary>
public sealed class VettingWorkloadTests(VettingWorkloadSqliteApi api) : IClassFixture<VettingWorkloadSqliteApi>
{
    private const int Seed = 20261127;
    private const int Clients = 3;
    private const int OperationsPerClient = 150;
    private static readonly string[] Sectors = ["C28", "C29", "C25", "C10"];

    private readonly ConcurrentDictionary<string, int> outcomes = new();
    private readonly ConcurrentBag<string> failures = [];
    private readonly List<(Actor Owner, Guid SmeId)> smes = [];
    private readonly List<(Actor Owner, Guid PartnerId)> partners = [];
    private readonly List<(Actor Owner, Guid NeedId)> needs = [];
    private readonly Lock gate = new();

    [Fact]
    public async Task After_concurrent_decisions_and_edits_no_suggestion_or_list_involves_an_unverified_profile()
    {
        var setup = new Random(Seed);
        var agency = await api.UserAsync("agency");
        for (var i = 0; i < 8; i++)
        {
            var (owner, smeId) = await Create.SmeAccountAsync(api, Bodies.Sme(sectors: [Sectors[setup.Next(Sectors.Length)]]));
            smes.Add((owner, smeId));
            needs.Add((owner, await Create.NeedAsync(owner, smeId)));
            if (i % 2 == 0)
                await Vet.VerifyAsync(agency, "sme", smeId);
        }

        for (var i = 0; i < 10; i++)
        {
            var partner = await Create.PartnerAccountAsync(api, Bodies.Partner(sectors: [.. Sectors.OrderBy(_ => setup.Next()).Take(2)]));
            partners.Add(partner);
            if (i % 2 == 0)
                await Vet.VerifyAsync(agency, "partner", partner.PartnerId);
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(() => RunClientAsync(c, agency))));

        var report = string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}={o.Value}"));
        TestContext.Current.TestOutputHelper?.WriteLine($"Workload: {Clients * OperationsPerClient} operations in {clock.Elapsed.TotalSeconds:0.0} s; {report}");
        Assert.True(failures.IsEmpty, "server errors: " + string.Join("; ", failures));
        Assert.Equal(Clients * OperationsPerClient, outcomes.Values.Sum());
        Assert.True(Count("verify 200") > 20 && Count("reject 200") > 10 && Count("rename 200") > 10, report);
        Assert.True(Count("interest 200") > 5 && Count("list 403") > 5, report);
        await Invariants.AssertHoldAsync(api);
        await ListsShowOnlyVerifiedProfilesAsync();
    }

    private async Task RunClientAsync(int client, Actor agency)
    {
        var rng = new Random(Seed + client + 1);
        for (var op = 0; op < OperationsPerClient; op++)
        {
            if (client == 0 && op == OperationsPerClient / 3)
            {
                await ChangeCriteriaAsync(rng);
                continue;
            }

            await (rng.Next(100) switch
            {
                < 22 => DecideAsync(agency, rng, "verified"),
                < 34 => DecideAsync(agency, rng, "rejected"),
                < 46 => EditAsync(rng, rename: true),
                < 54 => EditAsync(rng, rename: false),
                < 62 => CreateNeedAsync(rng),
                < 90 => InterestAsync(rng),
                _ => SearchAsync(rng),
            });
        }
    }

    private async Task DecideAsync(Actor agency, Random rng, string decision)
    {
        var sme = rng.Next(2) == 0;
        var id = sme ? Pick(rng, smes).SmeId : Pick(rng, partners).PartnerId;
        var note = decision == "rejected" ? "Please send the registration certificate." : null;
        Tally(decision == "verified" ? "verify" : "reject", await Vet.DecideAsync(agency, sme ? "sme" : "partner", id, decision, note));
    }

    private async Task EditAsync(Random rng, bool rename)
    {
        var operation = rename ? "rename" : "edit";
        if (rng.Next(2) == 0)
        {
            var (owner, smeId) = Pick(rng, smes);
            var read = await owner.Client.GetAsync($"/api/v1/smes/{smeId}");
            var current = (await read.Content.ReadFromJsonAsync<JsonObject>())!;
            var body = Bodies.Sme(name: rename ? $"Ala-Too {rng.Next(1000)}" : current["name"]!.GetValue<string>(), sectors: [Sectors[rng.Next(Sectors.Length)]]);
            body["inn"] = current["inn"]!.GetValue<string>();
            body["employees"] = rng.Next(5, 500);
            Tally(operation, await owner.Client.PutAsync($"/api/v1/smes/{smeId}", body, read.ETag()));
        }
        else
        {
            var (owner, partnerId) = Pick(rng, partners);
            var read = await owner.Client.GetAsync($"/api/v1/partners/{partnerId}");
            var current = (await read.Content.ReadFromJsonAsync<JsonObject>())!;
            var body = Bodies.Partner(name: rename ? $"Qingdao {rng.Next(1000)}" : current["name"]!.GetValue<string>(), sectors: [Sectors[rng.Next(Sectors.Length)]]);
            body["uscc"] = current["uscc"]!.GetValue<string>();
            Tally(operation, await owner.Client.PutAsync($"/api/v1/partners/{partnerId}", body, read.ETag()));
        }
    }

    private async Task CreateNeedAsync(Random rng)
    {
        var (owner, smeId) = Pick(rng, smes);
        var response = await owner.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", Bodies.Need(amount: rng.Next(1, 30) * 100_000m));
        if (response.StatusCode == HttpStatusCode.Created)
        {
            var id = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
            lock (gate)
                needs.Add((owner, id));
        }

        Tally("create need", response);
    }

    private async Task InterestAsync(Random rng)
    {
        var fromSme = rng.Next(2) == 0;
        var (owner, id) = fromSme ? Pick(rng, needs) : Pick(rng, partners);
        var list = await owner.Client.GetAsync(fromSme ? $"/api/v1/needs/{id}/matches?limit=100" : $"/api/v1/partners/{id}/matches?limit=100");
        if (!list.IsSuccessStatusCode || (await list.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray() is not { Count: > 0 } items)
        {
            Tally("list", list);
            return;
        }

        var matchId = Guid.Parse(items[rng.Next(items.Count)]!["id"]!.GetValue<string>());
        Tally("interest", await Matches.PostActionAsync(owner.Client, matchId, "interest"));
    }

    private async Task SearchAsync(Random rng)
    {
        var (owner, _) = Pick(rng, partners);
        Tally("search", await owner.Client.GetAsync($"/api/v1/needs?sector={Sectors[rng.Next(Sectors.Length)]}&limit=50"));
    }

    private async Task ChangeCriteriaAsync(Random rng)
    {
        var admin = await api.AdminAsync();
        var read = await admin.Client.GetAsync("/api/v1/criteria");
        var body = CriteriaBodies.Valid(minScore: 30);
        foreach (var criterion in body["criteria"]!.AsArray())
            criterion!["weight"] = rng.Next(1, 41);
        Tally("criteria", await admin.Client.PutAsync("/api/v1/criteria", body, read.ETag()));
    }

    /// <summary>Every verified owner's match list names only verified profiles; every other owner's list is refused.</summary>
    private async Task ListsShowOnlyVerifiedProfilesAsync()
    {
        await using var connection = await api.OpenDatabaseAsync();
        var verified = (await connection.QueryAsync<string>(
            "SELECT public_id FROM smes WHERE verification = 'verified' UNION ALL SELECT public_id FROM partners WHERE verification = 'verified'"))
            .Select(Guid.Parse).ToHashSet();
        var checkedLists = 0;
        foreach (var (owner, partnerId) in partners)
        {
            var list = await owner.Client.GetAsync($"/api/v1/partners/{partnerId}/matches?limit=100");
            if (!verified.Contains(partnerId))
            {
                await Expect.ProblemAsync(list, 403);
                continue;
            }

            foreach (var match in (await Expect.StatusAsync(list, 200))["items"]!.AsArray())
            {
                var need = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/needs/{match!["needId"]!.GetValue<string>()}"), 200);
                Assert.Contains(Guid.Parse(need["smeId"]!.GetValue<string>()), verified);
                checkedLists++;
            }
        }

        foreach (var (owner, needId) in needs)
        {
            var need = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
            var list = await owner.Client.GetAsync($"/api/v1/needs/{needId}/matches?limit=100");
            if (!verified.Contains(Guid.Parse(need["smeId"]!.GetValue<string>())))
            {
                await Expect.ProblemAsync(list, 403);
                continue;
            }

            foreach (var match in (await Expect.StatusAsync(list, 200))["items"]!.AsArray())
            {
                Assert.Contains(Guid.Parse(match!["partnerId"]!.GetValue<string>()), verified);
                checkedLists++;
            }
        }

        Assert.True(checkedLists > 10, $"only {checkedLists} listed matches were checked");
    }

    private int Count(string key) => outcomes.GetValueOrDefault(key);

    private void Tally(string operation, HttpResponseMessage response)
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
}
