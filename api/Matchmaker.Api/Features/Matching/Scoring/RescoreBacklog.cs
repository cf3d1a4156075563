namespace Matchmaker.Api.Features.Matching.Scoring;

/// <summary>
/// The needs and partners whose scores changed while a re-score job builds a criteria version. The
/// job scores a snapshot taken when it starts, so a batch it writes can carry a need's or partner's
/// old state; before the version is activated, everything noted here is scored again from the
/// current rows (<see cref="Rescorer.ReplayBacklogAsync"/>), in the activating transaction.
/// </summary>
internal static class RescoreBacklog
{
    private const string NoteNeedSql = "INSERT INTO rescore_backlog (criteria_version, subject, subject_id) VALUES (@Version, 'need', @Id)";

    private const string NotePartnerSql = "INSERT INTO rescore_backlog (criteria_version, subject, subject_id) VALUES (@Version, 'partner', @Id)";

    private const string NoteNeedOfMatchSql = "INSERT INTO rescore_backlog (criteria_version, subject, subject_id) SELECT @Version, 'need', need_id FROM matches WHERE id = @MatchId";

    private const string NotedSql = "SELECT DISTINCT subject AS Subject, subject_id AS Id FROM rescore_backlog WHERE criteria_version = @Version";

    private const string ClearSql = "DELETE FROM rescore_backlog WHERE criteria_version <= @Version";

    // Each note is for the version a running or queued job builds; nothing is noted when none does.
    public static Task NoteNeedsAsync(DbConnection c, DbTransaction tx, int? pendingVersion, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        NoteAsync(c, tx, NoteNeedSql, pendingVersion, ids, ct);

    public static Task NotePartnerAsync(DbConnection c, DbTransaction tx, int? pendingVersion, long id, CancellationToken ct) =>
        NoteAsync(c, tx, NotePartnerSql, pendingVersion, [id], ct);

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
        return (noted.Where(n => n.Subject == "need").Select(n => n.Id).ToList(), noted.Where(n => n.Subject == "partner").Select(n => n.Id).ToList());
    }

    private static async Task NoteAsync(DbConnection c, DbTransaction tx, string noteSql, int? pendingVersion, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count > 0 && pendingVersion is { } version)
            await c.ExecuteAsync(new CommandDefinition(noteSql, ids.Select(id => new { Version = version, Id = id }).ToList(), tx, cancellationToken: ct));
    }
}
