namespace Matchmaker.Api.Features.Matching.Scoring;

/// <summary>
/// Begins the transactions that re-score stored matches: a write of a need, an SME or a partner, a job's batch or
/// its activation. A re-score reads the other side (every partner for a need, every need for a partner) and
/// writes the pairs, so two that overlap would score against each other's old rows, or, where reads wait for
/// writers, wait on each other's rows until the database ends one of them. They take one lock first, in order,
/// as SQLite's single writer already makes them.
/// </summary>
internal static class MatchWrites
{
    private const string Resource = "matchmaker.match-writes";

    public static async Task<DbTransaction> BeginAsync(DbConnection connection, SqlDialect dialect, CancellationToken ct)
    {
        var tx = await connection.BeginTransactionAsync(ct);
        try
        {
            await dialect.LockExclusiveAsync(connection, tx, Resource, ct);
            return tx;
        }
        catch
        {
            await tx.DisposeAsync();
            throw;
        }
    }
}
