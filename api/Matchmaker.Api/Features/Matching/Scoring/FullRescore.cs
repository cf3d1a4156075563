using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Matching.Jobs;

namespace Matchmaker.Api.Features.Matching.Scoring;

internal sealed class FullRescore(ConnectionFactory db, TimeProvider clock, Rescorer rescorer, IConfiguration configuration) : IFullRescore
{
    private readonly int threads = JobOptions.From(configuration).ScoringThreads;

    public async Task<IRescoreRun> StartAsync(int criteriaVersion, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var profile = (await ProfileStore.FindAsync(connection, null, criteriaVersion, ct))?.Profile
            ?? throw new InvalidOperationException($"Criteria version {criteriaVersion} does not exist.");
        var loaded = (await ScoringInputs.ScoredNeedsAsync(connection, null, clock.GetUtcNow().UtcDateTime, ct)).OrderBy(n => n.Input.Id).ToList();
        var partners = await ScoringInputs.PartnersAsync(connection, null, ct);
        var actedOn = await MatchStore.ActedOnAsync(connection, ct);

        var context = new ScoringContext(profile, partners);
        var open = loaded.Where(n => n.IsOpen).Select(n => n.Input).ToList();
        var byId = partners.ToDictionary(p => p.Id);
        // A closed need takes part in no ranking; it keeps only the pairs someone acted on.
        var closedPairs = loaded.Where(n => !n.IsOpen)
            .SelectMany(n => actedOn[n.Input.Id].Where(byId.ContainsKey).Select(partnerId => (NeedId: n.Input.Id, PartnerId: partnerId)));
        var kept = Select(context, open, actedOn, threads, ct).Select(p => (p.NeedId, p.PartnerId)).Concat(closedPairs)
            .ToLookup(p => p.NeedId, p => p.PartnerId);
        return new Run(db, clock, rescorer, context, loaded.Select(n => n.Input).ToList(), byId, kept);
    }

    /// <summary>Scores every need and selects the pairs to store, one selection per thread, merged at the end.</summary>
    private static IReadOnlyList<ScoredPair> Select(ScoringContext context, List<NeedInput> needs, ILookup<long, long> actedOn, int threads, CancellationToken ct)
    {
        var parts = Enumerable.Range(0, Math.Max(1, Math.Min(threads, needs.Count)))
            .Select(_ => MatchSelection.For(context.Profile))
            .ToArray();
        Parallel.For(0, parts.Length, new ParallelOptions { CancellationToken = ct }, part =>
        {
            var buffer = new List<(int Index, PairScore Score)>();
            var candidates = new List<ScoredPair>();
            for (var n = part; n < needs.Count; n += parts.Length)
            {
                ct.ThrowIfCancellationRequested();
                var need = needs[n];
                var acted = actedOn[need.Id].ToHashSet();
                context.ScoreNeed(need, buffer, acted);
                candidates.Clear();
                foreach (var (index, score) in buffer)
                {
                    var partnerId = context.Partners[index].Id;
                    candidates.Add(new ScoredPair(need.Id, partnerId, score, acted.Contains(partnerId)));
                }

                parts[part].AddNeed(need.Id, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates));
            }
        });
        return MatchSelection.Select(parts);
    }

    private sealed class Run(ConnectionFactory db, TimeProvider clock, Rescorer rescorer, ScoringContext context, List<NeedInput> needs, Dictionary<long, PartnerInput> partners, ILookup<long, long> kept) : IRescoreRun
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
            await using var tx = await connection.BeginTransactionAsync(ct);
            foreach (var need in batch)
            {
                var pairs = kept[need.Id]
                    .Select(partnerId => new StoredPair(need.Id, partnerId, context.Explain(need, partners[partnerId])))
                    .ToList();
                await MatchStore.ReplaceForNeedAsync(connection, tx, context.Profile.Version, need.Id, pairs, now, ct);
            }

            var last = batch[^1].Id;
            await inTransaction(connection, tx, last, CountUpTo(last));
            await tx.CommitAsync(ct);
            return last;
        }

        public async Task ActivateAsync(Func<DbConnection, DbTransaction, Task> inTransaction, CancellationToken ct)
        {
            await using var connection = await db.OpenAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await rescorer.ReplayBacklogAsync(connection, tx, context.Profile, clock.GetUtcNow().UtcDateTime, ct);
            await ProfileStore.ActivateAsync(connection, tx, context.Profile.Version, clock.GetUtcNow().UtcDateTime, ct);
            await MatchStore.DropSupersededAsync(connection, tx, context.Profile.Version, ct);
            await inTransaction(connection, tx);
            await tx.CommitAsync(ct);
        }
    }
}
