using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Infrastructure.Data;

namespace Matchmaker.Tests.Features.Matching.Jobs;

/// <summary>
/// Stands in for the real full re-score in runner tests: "writes" a fixed list of need ids in
/// batches, each in a real transaction on the database so the runner's progress commits with it,
/// and activates the version as the real one does.
/// </summary>
internal sealed class FakeRescore(ConnectionFactory db, params long[] needIds) : IFullRescore
{
    private const string ActivateSql = "UPDATE scoring_profiles SET activated_at = @Now WHERE version = @Version";

    private ConnectionFactory Db { get; } = db;

    private long[] NeedIds { get; } = needIds.Order().ToArray();

    public ConcurrentQueue<int> Started { get; } = new();

    public ConcurrentQueue<long> BatchesAfter { get; } = new();

    /// <summary>Runs before the n-th batch (1-based) is written.</summary>
    public Func<int, CancellationToken, Task>? BeforeBatch { get; set; }

    public bool Activated { get; private set; }

    public Task<IRescoreRun> StartAsync(int criteriaVersion, CancellationToken ct)
    {
        Started.Enqueue(criteriaVersion);
        return Task.FromResult<IRescoreRun>(new Run(this, criteriaVersion));
    }

    private sealed class Run(FakeRescore fake, int version) : IRescoreRun
    {
        private readonly long[] needs = fake.NeedIds;
        private int batches;

        public int Total => needs.Length;

        public int CountUpTo(long needId) => needs.Count(n => n <= needId);

        public async Task<long?> WriteNextBatchAsync(long afterNeedId, int batchSize, Func<DbConnection, DbTransaction, long, int, Task> inTransaction, CancellationToken ct)
        {
            fake.BatchesAfter.Enqueue(afterNeedId);
            var batch = needs.Where(n => n > afterNeedId).Take(batchSize).ToArray();
            if (batch.Length == 0)
                return null;
            if (fake.BeforeBatch is { } before)
                await before(++batches, ct);
            await using var connection = await fake.Db.OpenAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await inTransaction(connection, tx, batch[^1], CountUpTo(batch[^1]));
            await tx.CommitAsync(ct);
            return batch[^1];
        }

        public async Task ActivateAsync(Func<DbConnection, DbTransaction, Task> inTransaction, CancellationToken ct)
        {
            await using var connection = await fake.Db.OpenAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(ActivateSql, new { Version = version, Now = DateTime.UtcNow }, tx, cancellationToken: ct));
            await inTransaction(connection, tx);
            await tx.CommitAsync(ct);
            fake.Activated = true;
        }
    }
}
