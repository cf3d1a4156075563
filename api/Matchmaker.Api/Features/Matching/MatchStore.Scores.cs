using System.Text.Json;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Api.Features.Matching;

internal sealed record StoredPair(long NeedId, long PartnerId, MatchScore Score);

/// <summary>
/// The writes re-scores make: one criteria version's stored pairs of a need or a partner, and what
/// re-scores read back about stored matches. Deal state lives on the match row and is never touched
/// here: a re-score only changes score rows, and a match row is deleted only while still
/// <c>suggested</c> and scored by no version.
/// </summary>
internal static partial class MatchStore
{
    private static readonly JsonSerializerOptions BreakdownJson = new(JsonSerializerDefaults.Web);

    private const string DeleteNeedScoresSql = """
        DELETE FROM match_scores
        WHERE criteria_version = @Version AND match_id IN (SELECT m.id FROM matches m WHERE m.need_id = @NeedId)
        """;

    private const string DeletePartnerScoresSql = """
        DELETE FROM match_scores
        WHERE criteria_version = @Version AND match_id IN (SELECT m.id FROM matches m WHERE m.partner_id = @PartnerId)
        """;

    private const string InsertMatchSql = """
        INSERT INTO matches (public_id, need_id, partner_id, status, created_at, updated_at, version)
        SELECT @PublicId, @NeedId, @PartnerId, 'suggested', @Now, @Now, 1
        WHERE NOT EXISTS (SELECT 1 FROM matches m WHERE m.need_id = @NeedId AND m.partner_id = @PartnerId)
        """;

    private const string InsertScoreSql = """
        INSERT INTO match_scores (match_id, criteria_version, score, breakdown, scored_at)
        SELECT m.id, @Version, @Score, @Breakdown, @Now FROM matches m WHERE m.need_id = @NeedId AND m.partner_id = @PartnerId
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

    private const string DropOlderScoresSql = "DELETE FROM match_scores WHERE criteria_version < @Version";

    private const string DropUnscoredSuggestedSql = """
        DELETE FROM matches
        WHERE status = 'suggested' AND NOT EXISTS (SELECT 1 FROM match_scores s WHERE s.match_id = matches.id)
        """;

    private const string DeleteSuggestedOfNeedSql = "DELETE FROM matches WHERE need_id = @NeedId AND status = 'suggested'";

    public static async Task ReplaceForNeedAsync(DbConnection c, DbTransaction tx, int version, long needId, IReadOnlyList<StoredPair> pairs, DateTime now, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(DeleteNeedScoresSql, new { Version = version, NeedId = needId }, tx, cancellationToken: ct));
        await InsertPairsAsync(c, tx, version, pairs, now, ct);
        await c.ExecuteAsync(new CommandDefinition(DeleteNeedOrphansSql, new { NeedId = needId }, tx, cancellationToken: ct));
    }

    public static async Task ReplaceForPartnerAsync(DbConnection c, DbTransaction tx, int version, long partnerId, IReadOnlyList<StoredPair> pairs, DateTime now, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(DeletePartnerScoresSql, new { Version = version, PartnerId = partnerId }, tx, cancellationToken: ct));
        await InsertPairsAsync(c, tx, version, pairs, now, ct);
        await c.ExecuteAsync(new CommandDefinition(DeletePartnerOrphansSql, new { PartnerId = partnerId }, tx, cancellationToken: ct));
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

    /// <summary>Once a version is active: drops the scores of older versions and the suggestions only they held.</summary>
    public static async Task DropSupersededAsync(DbConnection c, DbTransaction tx, int activeVersion, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(DropOlderScoresSql, new { Version = activeVersion }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(DropUnscoredSuggestedSql, transaction: tx, cancellationToken: ct));
    }

    private static async Task<Dictionary<long, Standing>> StandingAsync(DbConnection c, DbTransaction tx, string sql, IReadOnlyList<long> ids, object args, CancellationToken ct) =>
        (await IdChunks.QueryAsync<Standing>(c, tx, sql, ids, ct, args)).ToDictionary(s => s.OwnerId);

    private static async Task InsertPairsAsync(DbConnection c, DbTransaction tx, int version, IReadOnlyList<StoredPair> pairs, DateTime now, CancellationToken ct)
    {
        if (pairs.Count == 0)
            return;
        await c.ExecuteAsync(new CommandDefinition(InsertMatchSql,
            pairs.Select(p => new { PublicId = Guid.NewGuid(), p.NeedId, p.PartnerId, Now = now }), tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(InsertScoreSql,
            pairs.Select(p => new
            {
                Version = version,
                Score = (decimal)Math.Round(p.Score.Score, 1, MidpointRounding.AwayFromZero),
                Breakdown = JsonSerializer.Serialize(p.Score.Breakdown, BreakdownJson),
                Now = now,
                p.NeedId,
                p.PartnerId,
            }), tx, cancellationToken: ct));
    }
}

internal sealed record Standing
{
    public long OwnerId { get; init; }
    public int Stored { get; init; }
    public decimal Weakest { get; init; }
}
