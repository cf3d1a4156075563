using System.Data.Common;
using System.Text.Json;
using Dapper;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Api.Features.Matching.Scoring;

internal sealed record StoredPair(long NeedId, long PartnerId, MatchScore Score);

/// <summary>
/// Replaces one criteria version's stored pairs of a need or a partner. Deal state lives on the
/// match row and is never touched here: a re-score only changes score rows, and a match row is
/// deleted only while still <c>suggested</c> and scored by no version.
/// </summary>
internal static class PairWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

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

    private const string DeleteSuggestedOfNeedSql = "DELETE FROM matches WHERE need_id = @NeedId AND status = 'suggested'";

    public static async Task ReplaceForNeedAsync(DbConnection c, DbTransaction tx, int version, long needId, IReadOnlyList<StoredPair> pairs, DateTime now, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(DeleteNeedScoresSql, new { Version = version, NeedId = needId }, tx, cancellationToken: ct));
        await InsertAsync(c, tx, version, pairs, now, ct);
        await c.ExecuteAsync(new CommandDefinition(DeleteNeedOrphansSql, new { NeedId = needId }, tx, cancellationToken: ct));
    }

    public static async Task ReplaceForPartnerAsync(DbConnection c, DbTransaction tx, int version, long partnerId, IReadOnlyList<StoredPair> pairs, DateTime now, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(DeletePartnerScoresSql, new { Version = version, PartnerId = partnerId }, tx, cancellationToken: ct));
        await InsertAsync(c, tx, version, pairs, now, ct);
        await c.ExecuteAsync(new CommandDefinition(DeletePartnerOrphansSql, new { PartnerId = partnerId }, tx, cancellationToken: ct));
    }

    /// <summary>A closed need leaves the partners' lists; matches someone acted on keep their state and score.</summary>
    public static Task DropSuggestedOfNeedAsync(DbConnection c, DbTransaction tx, long needId, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(DeleteSuggestedOfNeedSql, new { NeedId = needId }, tx, cancellationToken: ct));

    private static async Task InsertAsync(DbConnection c, DbTransaction tx, int version, IReadOnlyList<StoredPair> pairs, DateTime now, CancellationToken ct)
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
                Breakdown = JsonSerializer.Serialize(p.Score.Breakdown, Json),
                Now = now,
                p.NeedId,
                p.PartnerId,
            }), tx, cancellationToken: ct));
    }
}
