using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Matching.Jobs;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Matching.Scoring;

internal sealed class FullRescore(ConnectionFactory db, SqlDialect dialect, TimeProvider clock, Rescorer rescorer, Vetting vetting, IConfiguration configuration) : IFullRescore
{
    private readonly int threads = JobOptions.From(configuration).ScoringThreads;

    public async Task<IRescoreRun> StartAsync(int criteriaVersion, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        // What an interrupted activation left behind; no reader sees it, but it would count twice here.
        await MatchStore.DropSupersededAsync(connection, dialect, await ProfileStore.ActiveVersionAsync(connection, null, ct), ct);
        var profile = (await ProfileStore.FindAsync(connection, null, criteriaVersion, ct))?.Profile
            ?? throw new InvalidOperationException($"Criteria version {criteriaVersion} does not exist.");
        var loaded = (await ScoringInputs.ScoredNeedsAsync(connection, null, vetting, clock.GetUtcNow().UtcDateTime, ct)).OrderBy(n => n.Input.Id).ToList();
        var partners = await ScoringInputs.PartnersAsync(connection, null, vetting, ct);
        var actedOn = await MatchStore.ActedOnAsync(connection, ct);

        // Ascending ids on both sides, so that an index ranks ties as its id does.
        var context = new ScoringContext(profile, partners.OrderBy(p => p.Id).ToList());
        var indexOf = new Dictionary<long, int>(context.Partners.Count);
        for (var i = 0; i < context.Partners.Count; i++)
            indexOf[context.Partners[i].Id] = i;
        int[] ActedOn(long needId) => [.. actedOn[needId].Where(indexOf.ContainsKey).Select(id => indexOf[id]).Order()];

        var open = loaded.Where(n => n.IsRanked).Select(n => n.Input).ToList();
        var kept = Select(context, open, ActedOn, threads, ct);
        // A closed need, or one whose SME is not listed, takes part in no ranking; it keeps only the pairs someone acted on.
        foreach (var closed in loaded.Where(n => !n.IsRanked))
            kept[closed.Input.Id] = ActedOn(closed.Input.Id);
        return new Run(db, dialect, clock, rescorer, context, loaded.Select(n => n.Input).ToList(), kept);
    }

    /// <summary>Scores every open need against every partner and selects the pairs to store, on <paramref name="threads"/> threads.</summary>
    private static Dictionary<long, int[]> Select(ScoringContext context, List<NeedInput> needs, Func<long, int[]> actedOn, int threads, CancellationToken ct)
    {
        var prepared = needs.Select(context.Prepare).ToArray();
        var acted = needs.Select(n => actedOn(n.Id)).ToArray();
        var partnersKept = ThresholdSelection.For(context.Profile, threads).Select(
            [.. needs.Select(n => n.Id)],
            [.. context.Partners.Select(p => p.Id)],
            (need, start, scores) => context.ScoreRow(prepared[need], start, scores, acted[need].Length == 0 ? null : acted[need]),
            need => acted[need],
            ct);
        var kept = new Dictionary<long, int[]>(needs.Count);
        for (var n = 0; n < needs.Count; n++)
            kept[needs[n].Id] = partnersKept[n];
        return kept;
    }

    /// <param name="kept">The indexes, in <see cref="ScoringContext.Partners"/>, of each need's partners to store.</param>
    private sealed class Run(ConnectionFactory db, SqlDialect dialect, TimeProvider clock, Rescorer rescorer, ScoringContext context, List<NeedInput> needs, Dictionary<long, int[]> kept) : IRescoreRun
    {
        public int Total => needs.Count;

        public int CountUpTo(long needId) => needs.Count(n => n.Id <= needId);

        public async Task<long?> WriteNextBatchAsync(long afterNeedId, int batchSize, Func<DbConnection, DbTransaction, long, int, Task> inTransaction, CancellationToken ct)
        {
            var batch = needs.Where(n => n.Id > afterNeedId).Take(batchSize).ToList();
            if (batch.Count == 0)
                return null;

            var now = clock.GetUtcNow().UtcDateTime;
            await using var connection = await db.OpenAsync(ct);
            await using var tx = await MatchWrites.BeginAsync(connection, dialect, ct);
            var pairs = new List<StoredPair>();
            foreach (var need in batch)
            {
                var prepared = context.Prepare(need);
                foreach (var index in kept[need.Id])
                    pairs.Add(new StoredPair(need.Id, context.Partners[index].Id, context.StoredScore(prepared, need, index)));
            }

            await MatchStore.ReplaceForNeedsAsync(connection, tx, dialect, context.Profile.Version, batch.Select(n => n.Id).ToList(), pairs, now, ct);

            var last = batch[^1].Id;
            await inTransaction(connection, tx, last, CountUpTo(last));
            await tx.CommitAsync(ct);
            return last;
        }

        public async Task ActivateAsync(Func<DbConnection, DbTransaction, Task> inTransaction, CancellationToken ct)
        {
            await using var connection = await db.OpenAsync(ct);
            await using var tx = await MatchWrites.BeginAsync(connection, dialect, ct);
            await rescorer.ReplayBacklogAsync(connection, tx, context.Profile, clock.GetUtcNow().UtcDateTime, ct);
            await ProfileStore.ActivateAsync(connection, tx, context.Profile.Version, clock.GetUtcNow().UtcDateTime, ct);
            await MatchStore.DropUnscoredByAsync(connection, tx, context.Profile.Version, ct);
            await inTransaction(connection, tx);
            await tx.CommitAsync(ct);
            await MatchStore.DropSupersededAsync(connection, dialect, context.Profile.Version, ct);
        }
    }
}
