using System.Globalization;

namespace Matchmaker.Api.Features.Matching;

/// <param name="Score">0–100, one decimal.</param>
internal sealed record StoredPair(long NeedId, long PartnerId, decimal Score);

/// <summary>
/// The writes re-scores make: one criteria version's stored pairs of a need or a partner, and what
/// re-scores read back about stored matches. Deal state lives on the match row and is never touched
/// here: a re-score only changes score rows, and a match row is deleted only while still
/// <c>suggested</c> and scored by no version.
/// </summary>
internal static partial class MatchStore
{
    /// <summary>Literal rows in one statement: a few hundred keep the statement small and the round trips few.</summary>
    internal const int RowsPerStatement = 500;

    private const string DeletePartnerScoresSql = """
        DELETE FROM match_scores
        WHERE criteria_version = @Version AND match_id IN (SELECT m.id FROM matches m WHERE m.partner_id = @PartnerId)
        """;

    private const string DeleteNeedOrphansSql = """
        DELETE FROM matches
        WHERE need_id = @NeedId AND status = 'suggested'
          AND NOT EXISTS (SELECT 1 FROM match_scores s WHERE s.match_id = matches.id)
        """;

    private const string DeletePartnerOrphansSql = """
        DELETE FROM matches
        WHERE partner_id = @PartnerId AND status = 'suggested'
          AND NOT EXISTS (SELECT 1 FROM match_scores s WHERE s.match_id = matches.id)
        """;

    private const string ActedOnSql = "SELECT need_id AS NeedId, partner_id AS PartnerId FROM matches WHERE status <> 'suggested'";

    private const string ActedOnPartnersOfNeedSql = "SELECT partner_id FROM matches WHERE need_id = @NeedId AND status <> 'suggested'";

    private const string ActedOnNeedsOfPartnerSql = "SELECT need_id FROM matches WHERE partner_id = @PartnerId AND status <> 'suggested'";

    private const string PartnerStandingSql = """
        SELECT m.partner_id AS OwnerId, COUNT(*) AS Stored, MIN(ms.score) AS Weakest
        FROM matches m JOIN match_scores ms ON ms.match_id = m.id AND ms.criteria_version = @Version
        WHERE m.need_id <> @NeedId AND m.partner_id IN /**ids**/
        GROUP BY m.partner_id
        """;

    private const string NeedStandingSql = """
        SELECT m.need_id AS OwnerId, COUNT(*) AS Stored, MIN(ms.score) AS Weakest
        FROM matches m JOIN match_scores ms ON ms.match_id = m.id AND ms.criteria_version = @Version
        WHERE m.partner_id <> @PartnerId AND m.need_id IN /**ids**/
        GROUP BY m.need_id
        """;

    // Deleting the match deletes its scores (ON DELETE CASCADE).
    private const string DropUnscoredByVersionSql = """
        DELETE FROM matches
        WHERE status = 'suggested'
          AND NOT EXISTS (SELECT 1 FROM match_scores s WHERE s.match_id = matches.id AND s.criteria_version = @Version)
        """;

    private const string MatchIdRangeSql = "SELECT MIN(id) AS First, MAX(id) AS Last FROM matches";

    private const string DropOlderScoresSql = """
        DELETE FROM match_scores WHERE criteria_version < @Version AND match_id >= @From AND match_id < @To
        """;

    private const string DropUnscoredSuggestedSql = """
        DELETE FROM matches
        WHERE id >= @From AND id < @To AND status = 'suggested'
          AND NOT EXISTS (SELECT 1 FROM match_scores s WHERE s.match_id = matches.id)
        """;

    // Match ids per cleanup transaction, so that writers never wait long behind it.
    private const int CleanupRange = 50_000;

    private const string DeleteVersionScoresOfNeedsSql = """
        DELETE FROM match_scores
        WHERE criteria_version = @Version AND match_id IN (SELECT m.id FROM matches m WHERE m.need_id IN /**ids**/)
        """;

    private const string MatchIdsOfNeedsSql = "SELECT id AS Id, need_id AS NeedId, partner_id AS PartnerId FROM matches WHERE need_id IN /**ids**/";

    private const string MatchIdsOfPartnerSql = "SELECT id AS Id, need_id AS NeedId, partner_id AS PartnerId FROM matches WHERE partner_id = @PartnerId";

    private const string DeleteSuggestedOfNeedSql = "DELETE FROM matches WHERE need_id = @NeedId AND status = 'suggested'";

    /// <summary>One need's pairs under a version, as a write re-scores them: its suggestions no version scores any more go.</summary>
    /// <returns>The ids of the match rows this created.</returns>
    public static async Task<IReadOnlyList<long>> ReplaceForNeedAsync(DbConnection c, DbTransaction tx, SqlDialect dialect, int version, long needId, IReadOnlyList<StoredPair> pairs, DateTime now, CancellationToken ct)
    {
        var created = await ReplaceForNeedsAsync(c, tx, dialect, version, [needId], pairs, now, ct);
        await c.ExecuteAsync(new CommandDefinition(DeleteNeedOrphansSql, new { NeedId = needId }, tx, cancellationToken: ct));
        return created;
    }

    /// <summary>One partner's pairs under a version, as a write re-scores them: its suggestions no version scores any more go.</summary>
    /// <returns>The ids of the match rows this created.</returns>
    public static async Task<IReadOnlyList<long>> ReplaceForPartnerAsync(DbConnection c, DbTransaction tx, SqlDialect dialect, int version, long partnerId, IReadOnlyList<StoredPair> pairs, DateTime now, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(DeletePartnerScoresSql, new { Version = version, PartnerId = partnerId }, tx, cancellationToken: ct));
        var created = await InsertPairsAsync(c, tx, dialect, version, pairs, () => MatchIdsOfPartnerAsync(c, tx, partnerId, ct), now, ct);
        await c.ExecuteAsync(new CommandDefinition(DeletePartnerOrphansSql, new { PartnerId = partnerId }, tx, cancellationToken: ct));
        return created;
    }

    /// <summary>A closed need leaves the partners' lists; matches someone acted on keep their state and score.</summary>
    public static Task DropSuggestedOfNeedAsync(DbConnection c, DbTransaction tx, long needId, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(DeleteSuggestedOfNeedSql, new { NeedId = needId }, tx, cancellationToken: ct));

    /// <summary>Every (need, partner) pair someone acted on.</summary>
    public static async Task<ILookup<long, long>> ActedOnAsync(DbConnection c, CancellationToken ct) =>
        (await c.QueryAsync<(long NeedId, long PartnerId)>(new CommandDefinition(ActedOnSql, cancellationToken: ct))).ToLookup(p => p.NeedId, p => p.PartnerId);

    public static async Task<HashSet<long>> ActedOnPartnersOfNeedAsync(DbConnection c, DbTransaction tx, long needId, CancellationToken ct) =>
        (await c.QueryAsync<long>(new CommandDefinition(ActedOnPartnersOfNeedSql, new { NeedId = needId }, tx, cancellationToken: ct))).ToHashSet();

    public static async Task<HashSet<long>> ActedOnNeedsOfPartnerAsync(DbConnection c, DbTransaction tx, long partnerId, CancellationToken ct) =>
        (await c.QueryAsync<long>(new CommandDefinition(ActedOnNeedsOfPartnerSql, new { PartnerId = partnerId }, tx, cancellationToken: ct))).ToHashSet();

    /// <summary>How many pairs each of the given partners holds under a version, and its weakest score, leaving out one need's pairs.</summary>
    public static Task<Dictionary<long, Standing>> PartnerStandingAsync(DbConnection c, DbTransaction tx, int version, long exceptNeedId, IReadOnlyList<long> partnerIds, CancellationToken ct) =>
        StandingAsync(c, tx, PartnerStandingSql, partnerIds, new { Version = version, NeedId = exceptNeedId }, ct);

    /// <summary>How many pairs each of the given needs holds under a version, and its weakest score, leaving out one partner's pairs.</summary>
    public static Task<Dictionary<long, Standing>> NeedStandingAsync(DbConnection c, DbTransaction tx, int version, long exceptPartnerId, IReadOnlyList<long> needIds, CancellationToken ct) =>
        StandingAsync(c, tx, NeedStandingSql, needIds, new { Version = version, PartnerId = exceptPartnerId }, ct);

    /// <summary>In the transaction that activates a version: the suggestions it does not score leave every list and report with the old version.</summary>
    public static Task DropUnscoredByAsync(DbConnection c, DbTransaction tx, int activeVersion, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(DropUnscoredByVersionSql, new { Version = activeVersion }, tx, cancellationToken: ct));

    /// <summary>
    /// Once a version is active: drops the scores of older versions and the suggestions only they held,
    /// one range of match ids per transaction. No reader sees what it drops, since every read is of the
    /// active version, so it may also run later to finish what an interrupted run left.
    /// </summary>
    public static async Task DropSupersededAsync(DbConnection c, SqlDialect dialect, int activeVersion, CancellationToken ct)
    {
        var (first, last) = await c.QuerySingleAsync<(long? First, long? Last)>(new CommandDefinition(MatchIdRangeSql, cancellationToken: ct));
        if (first is null || last is null)
            return;
        for (var from = first.Value; from <= last.Value; from += CleanupRange)
        {
            var range = new { Version = activeVersion, From = from, To = from + CleanupRange };
            await using var tx = await Scoring.MatchWrites.BeginAsync(c, dialect, ct);
            await c.ExecuteAsync(new CommandDefinition(DropOlderScoresSql, range, tx, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition(DropUnscoredSuggestedSql, range, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
    }

    /// <summary>
    /// Replaces the version's scores of the given needs with <paramref name="pairs"/> (a full re-score
    /// writes a batch of needs at a time), creating the match rows that pairs new to them need.
    /// </summary>
    /// <returns>The ids of the match rows created.</returns>
    public static async Task<IReadOnlyList<long>> ReplaceForNeedsAsync(DbConnection c, DbTransaction tx, SqlDialect dialect, int version,
        IReadOnlyCollection<long> needIds, IReadOnlyList<StoredPair> pairs, DateTime now, CancellationToken ct)
    {
        await IdChunks.ExecuteAsync(c, tx, DeleteVersionScoresOfNeedsSql, needIds, ct, new { Version = version });
        return await InsertPairsAsync(c, tx, dialect, version, pairs, () => MatchIdsOfNeedsAsync(c, tx, needIds, ct), now, ct);
    }

    /// <summary>
    /// Writes the pairs' scores, first creating the match rows missing from what <paramref name="matchIds"/>
    /// reads (the match ids of every pair that may be among them). Rows go in as literal VALUES lists, a
    /// few hundred a statement, since nothing in them comes from a client.
    /// </summary>
    /// <returns>The ids of the match rows created.</returns>
    private static async Task<IReadOnlyList<long>> InsertPairsAsync(DbConnection c, DbTransaction tx, SqlDialect dialect, int version,
        IReadOnlyList<StoredPair> pairs, Func<Task<Dictionary<(long NeedId, long PartnerId), long>>> matchIds, DateTime now, CancellationToken ct)
    {
        if (pairs.Count == 0)
            return [];
        var ids = await matchIds();
        var missing = pairs.Where(p => !ids.ContainsKey((p.NeedId, p.PartnerId))).ToList();
        foreach (var chunk in missing.Chunk(RowsPerStatement))
            await c.ExecuteAsync(new CommandDefinition(NewSuggestionsSql(dialect, chunk), new { Now = now }, tx, flags: CommandFlags.NoCache, cancellationToken: ct));
        if (missing.Count > 0)
            ids = await matchIds();

        foreach (var chunk in pairs.Chunk(RowsPerStatement))
        {
            var sql = ScoreRowsSql(chunk.Select(p => (ids[(p.NeedId, p.PartnerId)], p.Score)), version);
            await c.ExecuteAsync(new CommandDefinition(sql, new { Now = now }, tx, flags: CommandFlags.NoCache, cancellationToken: ct));
        }

        return [.. missing.Select(p => ids[(p.NeedId, p.PartnerId)])];
    }

    /// <summary>Inserts a <c>suggested</c> match row for each pair that has none yet; the pairs' ids are numbers, so they go in as literals.</summary>
    internal static string NewSuggestionsSql(SqlDialect dialect, IEnumerable<StoredPair> pairs) =>
        "INSERT INTO matches (public_id, need_id, partner_id, status, created_at, updated_at, version) "
        + "SELECT v.column1, v.column2, v.column3, 'suggested', @Now, @Now, 1 FROM "
        + dialect.ValuesTable(pairs.Select(p => string.Create(CultureInfo.InvariantCulture, $"('{Guid.CreateVersion7():D}', {p.NeedId}, {p.PartnerId})")), "v", 3)
        + " WHERE NOT EXISTS (SELECT 1 FROM matches m WHERE m.need_id = v.column2 AND m.partner_id = v.column3)";

    /// <summary>Inserts the scores of one version; match ids, version and scores are numbers, so they go in as literals.</summary>
    internal static string ScoreRowsSql(IEnumerable<(long MatchId, decimal Score)> scores, int version) =>
        "INSERT INTO match_scores (match_id, criteria_version, score, scored_at) VALUES "
        + string.Join(", ", scores.Select(s => string.Create(CultureInfo.InvariantCulture, $"({s.MatchId}, {version}, {s.Score:0.0}, @Now)")));

    private static async Task<Dictionary<(long NeedId, long PartnerId), long>> MatchIdsOfNeedsAsync(DbConnection c, DbTransaction tx, IReadOnlyCollection<long> needIds, CancellationToken ct) =>
        (await IdChunks.QueryAsync<(long Id, long NeedId, long PartnerId)>(c, tx, MatchIdsOfNeedsSql, needIds, ct))
            .ToDictionary(m => (m.NeedId, m.PartnerId), m => m.Id);

    private static async Task<Dictionary<(long NeedId, long PartnerId), long>> MatchIdsOfPartnerAsync(DbConnection c, DbTransaction tx, long partnerId, CancellationToken ct) =>
        (await c.QueryAsync<(long Id, long NeedId, long PartnerId)>(new CommandDefinition(MatchIdsOfPartnerSql, new { PartnerId = partnerId }, tx, cancellationToken: ct)))
            .ToDictionary(m => (m.NeedId, m.PartnerId), m => m.Id);

    private static async Task<Dictionary<long, Standing>> StandingAsync(DbConnection c, DbTransaction tx, string sql, IReadOnlyList<long> ids, object args, CancellationToken ct) =>
        (await IdChunks.QueryAsync<Standing>(c, tx, sql, ids, ct, args)).ToDictionary(s => s.OwnerId);
}

internal sealed record Standing
{
    public long OwnerId { get; init; }
    public int Stored { get; init; }
    public decimal Weakest { get; init; }
}
