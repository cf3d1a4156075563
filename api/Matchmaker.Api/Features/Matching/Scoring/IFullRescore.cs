namespace Matchmaker.Api.Features.Matching.Scoring;

/// <summary>
/// A full re-score for one criteria version, as a background job drives it: scoring and pair
/// selection happen up front in memory; writing proceeds in batches of needs, in id order, so an
/// interrupted run resumes after the last need it wrote. Nothing a reader sees changes until
/// <see cref="IRescoreRun.ActivateAsync"/> commits.
/// </summary>
internal interface IFullRescore
{
    Task<IRescoreRun> StartAsync(int criteriaVersion, CancellationToken ct);
}

internal interface IRescoreRun
{
    /// <summary>How many needs the run writes in all.</summary>
    int Total { get; }

    /// <summary>How many of them have an id at or below <paramref name="needId"/> (the progress of a resumed run).</summary>
    int CountUpTo(long needId);

    /// <summary>
    /// Writes the next batch of needs after <paramref name="afterNeedId"/> in one transaction;
    /// <paramref name="inTransaction"/> runs in that same transaction with the last need id written
    /// and the number written so far, so job progress commits with the data. Returns null when done.
    /// </summary>
    Task<long?> WriteNextBatchAsync(long afterNeedId, int batchSize, Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, long, int, Task> inTransaction, CancellationToken ct);

    /// <summary>Makes the version the one readers see and drops what only older versions held, in one transaction with <paramref name="inTransaction"/>.</summary>
    Task ActivateAsync(Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, Task> inTransaction, CancellationToken ct);
}
