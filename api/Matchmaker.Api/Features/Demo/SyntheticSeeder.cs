using System.Diagnostics;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Needs;

namespace Matchmaker.Api.Features.Demo;

/// <summary>
/// Loads a synthetic world (<c>Seed:Synthetic:*</c>) into an empty database, right after
/// <see cref="DatabaseInitializer"/> and before the server accepts requests: accounts nobody can
/// sign in to, SMEs, needs and partners in one transaction, then a full re-score with the active criteria.
/// </summary>
internal sealed class SyntheticSeeder(
    ConnectionFactory db, TimeProvider time, NeedOptions needOptions, IFullRescore fullRescore, IConfiguration configuration, ILogger<SyntheticSeeder> logger) : IHostedService
{
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken ct)
    {
        // All counts 0 asks for an empty database: nothing to load, not even the agency account.
        if (SyntheticSettings.Read(configuration) is not var (size, seed) || size is { Smes: 0, Partners: 0 })
            return;

        await using var connection = await db.OpenAsync(ct);
        if (await DemoStore.HasProfilesAsync(connection, ct))
        {
            logger.LogInformation("Synthetic world not loaded: the database already holds SMEs, partners or needs");
            return;
        }

        var clock = Stopwatch.StartNew();
        var (counts, generated) = await InsertWorldAsync(connection, size, seed, ct);
        var inserted = clock.ElapsedMilliseconds - generated;
        logger.LogInformation("Inserted the synthetic world in {Elapsed} ms", inserted);
        var rescore = await WorldRescore.RunAsync(connection, fullRescore, logger, ct);
        logger.LogInformation(
            "Loaded a synthetic world (seed {Seed}) in {Elapsed} ms: {Smes} SMEs, {Needs} needs, {Partners} partners; generate {Generate} ms, insert {Insert} ms, score {Score} ms, write matches {Write} ms, activate {Activate} ms",
            seed, clock.ElapsedMilliseconds, counts.Smes, counts.Needs, counts.Partners,
            generated, inserted, rescore.ScoreMs, rescore.WriteMs, rescore.ActivateMs);
    }

    /// <summary>
    /// Generates and inserts the world, returning its size and the generation time. The generated
    /// objects die with this call, before the re-score needs the memory.
    /// </summary>
    private async Task<(WorldSize Counts, long GeneratedMs)> InsertWorldAsync(DbConnection connection, WorldSize size, int seed, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var world = DemoWorld.Generate(await DemoStore.CitiesAsync(connection, ct), size, seed);
        var generated = clock.ElapsedMilliseconds;
        logger.LogInformation("Generated a synthetic world (seed {Seed}) in {Elapsed} ms: {Smes} SMEs, {Needs} needs, {Partners} partners",
            seed, generated, world.Smes.Count, world.Needs.Count, world.Partners.Count);
        var hash = DemoAccounts.UnknownPasswordHash();
        await using var tx = await connection.BeginTransactionAsync(ct);
        await DemoStore.InsertAsync(connection, tx, world, _ => hash, time.GetUtcNow().UtcDateTime, needOptions.Validity, ct);
        await tx.CommitAsync(ct);
        return (new WorldSize(world.Smes.Count, world.Needs.Count, world.Partners.Count), generated);
    }
}
