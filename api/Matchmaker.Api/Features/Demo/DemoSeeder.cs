using System.Diagnostics;
using Matchmaker.Api.Features.Matching;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Needs;
using Microsoft.AspNetCore.Identity;

namespace Matchmaker.Api.Features.Demo;

/// <summary>
/// Loads the demo data set (<c>Seed:Demo</c>) into an empty database, right after
/// <see cref="DatabaseInitializer"/> and before the server accepts requests: accounts, SMEs,
/// needs and partners, a full re-score with the active criteria, then deals on some matches.
/// </summary>
internal sealed class DemoSeeder(
    ConnectionFactory db, TimeProvider time, NeedOptions needOptions, IFullRescore fullRescore, IConfiguration configuration, IHostEnvironment environment, ILogger<DemoSeeder> logger) : IHostedService
{
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken ct)
    {
        if (!DemoSettings.IsEnabled(configuration, environment))
        {
            logger.LogInformation("Demo data not loaded: {Key} is off (on by default only in Development)", DemoSettings.Key);
            return;
        }

        await using var connection = await db.OpenAsync(ct);
        if (await DemoStore.HasProfilesAsync(connection, ct))
        {
            logger.LogInformation("Demo data not loaded: the database already holds SMEs, partners or needs");
            return;
        }

        var clock = Stopwatch.StartNew();
        var world = DemoWorld.Generate(await DemoStore.CitiesAsync(connection, ct));
        var hashes = PasswordHashes();
        (Dictionary<Guid, long> Needs, Dictionary<Guid, long> Partners) ids;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            ids = await DemoStore.InsertAsync(connection, tx, world, hashes, time.GetUtcNow().UtcDateTime, needOptions.Validity, ct);
            await tx.CommitAsync(ct);
        }

        await WorldRescore.RunAsync(connection, fullRescore, logger, ct);

        var candidates = Candidates(world, ids, await MatchStore.ScoredAsync(connection, ct));
        var deals = DemoDeals.Play(candidates);
        var outcomes = DemoOutcomes.For(deals, candidates);
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await DemoStore.WriteDealsAsync(connection, tx, deals, ct);
            foreach (var outcome in outcomes)
                await Matching.Outcomes.OutcomeStore.RecordAsync(connection, tx, outcome, ct);
            await tx.CommitAsync(ct);
        }

        logger.LogInformation(
            "Loaded the demo data set in {Elapsed} ms: {Smes} SMEs, {Needs} needs, {Partners} partners, {Matches} matches, {Deals} with deal activity, {Outcomes} outcomes. Development sign-ins: {Accounts}",
            clock.ElapsedMilliseconds, world.Smes.Count, world.Needs.Count, world.Partners.Count, deals.Count, deals.Count(d => d.Events.Count > 0), outcomes.Count,
            string.Join(", ", DemoAccounts.All.Select(a => a.Email)));
    }

    /// <summary>The demo sign-ins get their published password; every other demo account one nobody knows.</summary>
    private static Func<DemoUser, string> PasswordHashes()
    {
        var hasher = new PasswordHasher<string>();
        var logins = DemoAccounts.All.ToDictionary(a => a.Email, a => hasher.HashPassword(a.Email, a.Password), StringComparer.Ordinal);
        var unknown = DemoAccounts.UnknownPasswordHash();
        return user => user.Login is { } login ? logins[login.Email] : unknown;
    }

    private static List<DealCandidate> Candidates(DemoWorld world, (Dictionary<Guid, long> Needs, Dictionary<Guid, long> Partners) ids, IReadOnlyList<ScoredMatch> matches)
    {
        var needs = world.Needs.ToDictionary(n => ids.Needs[n.PublicId]);
        var partners = world.Partners.ToDictionary(p => ids.Partners[p.PublicId]);
        var smes = world.Smes.ToDictionary(s => s.Index);
        return matches.Select(m =>
        {
            var need = needs[m.NeedId];
            var partner = partners[m.PartnerId];
            var sme = smes[need.SmeIndex];
            return new DealCandidate(m.MatchId, m.NeedId, sme.Index, partner.Index, m.Score, need.CreatedAt, partner.CreatedAt, sme.Owner.PublicId, partner.Owner.PublicId);
        }).ToList();
    }
}
