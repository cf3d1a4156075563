using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Tests.Features.Matching;

namespace Matchmaker.Tests.Security;

/// <summary>Many requests at the same instant: optimistic concurrency, the double opt-in, and idempotent creation hold under races.</summary>
public abstract class RaceTests<TApi>(TApi api, ITestOutputHelper output) where TApi : ApiFixture
{
    private const int Writers = 50;
    private const int Rounds = 10;

    private Task<DealCast> CastAsync() => api.SharedAsync(DealCast.CreateAsync);

    [Fact]
    public async Task Fifty_puts_with_one_etag_let_exactly_one_through_on_every_kind_of_record()
    {
        var cast = await CastAsync();
        var needId = await Create.NeedAsync(cast.Owner, cast.SmeId, Bodies.Need(title: "Raced need"));
        var spare = await api.UserAsync("partner");
        var resources = new (string Url, Actor Writer, Func<int, JsonObject> Body)[]
        {
            ($"/api/v1/needs/{needId}", cast.Owner, i => Bodies.Need(title: $"Writer {i}")),
            ($"/api/v1/smes/{cast.SmeId}", cast.Owner, i => Bodies.Sme(name: $"Writer {i}")),
            ($"/api/v1/partners/{cast.OtherPartnerId}", cast.OtherPartner, i => Bodies.WeifangSeeds()),
            ($"/api/v1/admin/users/{spare.UserId}", cast.Admin, i => new JsonObject { ["role"] = "partner", ["isActive"] = i % 2 == 0 }),
        };

        int ok = 0, refused = 0;
        foreach (var (url, writer, body) in resources)
        {
            var etag = (await cast.Admin.Client.GetAsync(url)).ETag();
            var clients = Enumerable.Range(0, Writers).Select(_ => api.CreateClient(writer.Token)).ToList();
            var bodies = Enumerable.Range(0, Writers).Select(body).ToList();

            var responses = await Task.WhenAll(clients.Select((c, i) => c.PutAsync(url, bodies[i], etag)));

            var statuses = responses.Select(r => (int)r.StatusCode).ToList();
            Assert.True(statuses.Count(s => s == 200) == 1 && statuses.Count(s => s == 412) == Writers - 1,
                $"{url}: {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Count()} x {g.Key}"))}");
            foreach (var loser in responses.Where(r => (int)r.StatusCode == 412))
                await Expect.ProblemAsync(loser, 412);
            var winner = responses.Single(r => (int)r.StatusCode == 200);
            Assert.Equal(winner.ETag(), (await cast.Admin.Client.GetAsync(url)).ETag());
            ok++;
            refused += Writers - 1;
            clients.ForEach(c => c.Dispose());
        }

        output.WriteLine($"concurrency: {resources.Length} records x {Writers} PUTs with one ETag: 200 = {ok}, 412 = {refused}");
    }

    [Fact]
    public async Task Both_parties_saying_yes_at_the_same_instant_make_exactly_one_mutual_transition()
    {
        var cast = await CastAsync();
        var mutualEvents = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var matchId = await cast.FreshMatchAsync();
            using var sme = api.CreateClient(cast.Owner.Token);
            using var partner = api.CreateClient(cast.Partner.Token);

            var answers = await Task.WhenAll(
                Matches.PostActionAsync(sme, matchId, "interest"), Matches.PostActionAsync(partner, matchId, "interest"));

            Assert.All(answers, a => Assert.Equal(200, (int)a.StatusCode));
            var match = await cast.ReadAsync(matchId);
            Assert.Equal("mutual", match["status"]!.GetValue<string>());
            var events = match["events"]!.AsArray();
            Assert.Equal(1, events.Count(e => e!["to"]!.GetValue<string>() == "mutual"));
            Assert.Equal(["suggested", events[0]!["to"]!.GetValue<string>()], events.Select(e => e!["from"]!.GetValue<string>()));
            mutualEvents += events.Count(e => e!["to"]!.GetValue<string>() == "mutual");
        }

        output.WriteLine($"concurrency: {Rounds} rounds of simultaneous interest, mutual transitions = {mutualEvents}");
        Assert.Equal(Rounds, mutualEvents);
    }

    [Fact]
    public async Task Parallel_creating_posts_with_one_idempotency_key_create_one_row()
    {
        var cast = await CastAsync();
        var title = $"Idempotent {Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString();
        var clients = Enumerable.Range(0, Writers).Select(_ => api.CreateClient(cast.Owner.Token)).ToList();

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/v1/smes/{cast.SmeId}/needs", Bodies.Need(title: title), key)));

        var created = responses.Where(r => (int)r.StatusCode == 201).ToList();
        var busy = responses.Where(r => (int)r.StatusCode == 409).ToList();
        Assert.True(created.Count + busy.Count == Writers, string.Join(", ", responses.Select(r => (int)r.StatusCode)));
        foreach (var refusal in busy)
            await Expect.ProblemAsync(refusal, 409);
        var ids = new HashSet<string>();
        foreach (var answer in created)
            ids.Add((await Expect.StatusAsync(answer, 201))["id"]!.GetValue<string>());
        Assert.Single(ids);
        await using var connection = await api.OpenDatabaseAsync();
        var rows = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM needs WHERE title = @title", new { title });
        clients.ForEach(c => c.Dispose());

        output.WriteLine($"concurrency: {Writers} POSTs with one Idempotency-Key: 201 = {created.Count} (one id), 409 busy = {busy.Count}, rows = {rows}");
        Assert.Equal(1L, rows);
    }
}

public sealed class RaceTestsOnSqlite(SqliteApi api, ITestOutputHelper output) : RaceTests<SqliteApi>(api, output), IClassFixture<SqliteApi>;

public sealed class RaceTestsOnSqlServer : RaceTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public RaceTestsOnSqlServer(SqlServerApi api, ITestOutputHelper output) : base(api, output) => api.SkipWhenUnavailable();
}
