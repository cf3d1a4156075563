namespace Matchmaker.Api.Features.Matching.Scoring;

/// <summary>
/// The needs and partners whose scores changed while a re-score job builds a criteria version. The
/// job scores a snapshot taken when it starts, so a batch it writes can carry a need's or partner's
/// old state; before the version is activated, everything noted here is scored again from the
/// current rows (<see cref="Rescorer.ReplayBacklogAsync"/>), in the activating transaction.
/// </summary>
internal static class RescoreBacklog
{
    public const string Need = "need";
    public const string Partner = "partner";

    private const string NoteSql = "INSERT INTO rescore_backlog (criteria_version, subject, subject_id) VALUES (@Version, @Subject, @Id)";

    private const string NoteNeedOfMatchSql = "INSERT INTO rescore_backlog (criteria_version, subject, subject_id) SELECT @Version, 'need', need_id FROM matches WHERE id = @MatchId";

    private const string NotedSql = "SELECT DISTINCT subject AS Subject, subject_id AS Id FROM rescore_backlog WHERE criteria_version = @Version";

    private const string ClearSql = "DELETE FROM rescore_backlog WHERE criteria_version <= @Version";

    /// <summary>Notes needs or partners for the version a running or queued job builds; nothing when none does.</summary>
    public static async Task NoteAsync(DbConnection c, DbTransaction tx, string subject, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count > 0 && await ProfileStore.PendingVersionAsync(c, tx, ct) is { } version)
            await c.ExecuteAsync(new CommandDefinition(NoteSql, ids.Select(id => new { Version = version, Subject = subject, Id = id }).ToList(), tx, cancellationToken: ct));
    }

    /// <summary>A deal moved on: the match's need is noted, since the pair is now kept whatever its rank.</summary>
    public static async Task NoteNeedOfMatchAsync(DbConnection c, DbTransaction tx, long matchId, CancellationToken ct)
    {
        if (await ProfileStore.PendingVersionAsync(c, tx, ct) is { } version)
            await c.ExecuteAsync(new CommandDefinition(NoteNeedOfMatchSql, new { Version = version, MatchId = matchId }, tx, cancellationToken: ct));
    }

    /// <summary>Reads and clears what was noted for <paramref name="version"/> (and any older version still listed).</summary>
    public static async Task<(IReadOnlyList<long> Needs, IReadOnlyList<long> Partners)> TakeAsync(DbConnection c, DbTransaction tx, int version, CancellationToken ct)
    {
        var noted = (await c.QueryAsync<(string Subject, long Id)>(new CommandDefinition(NotedSql, new { Version = version }, tx, cancellationToken: ct))).ToList();
        await c.ExecuteAsync(new CommandDefinition(ClearSql, new { Version = version }, tx, cancellationToken: ct));
        return (noted.Where(n => n.Subject == Need).Select(n => n.Id).ToList(), noted.Where(n => n.Subject == Partner).Select(n => n.Id).ToList());
    }
}
