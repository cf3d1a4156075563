using Matchmaker.Api.Features.Notifications.Preferences;
using Matchmaker.Api.Features.Webhooks;

namespace Matchmaker.Api.Features.Notifications;

/// <summary>
/// Announces new suggestions: the need's SME and the partner each hear of a pair once ever, when its
/// match row is created, and only at or above their own minimum score. One write or one re-score job
/// gives each account at most one item per need (SMEs) or per partner profile (partners), counting
/// the new matches and naming the best.
/// </summary>
internal static class SuggestionNotices
{
    private const string NewPairsSql = """
        SELECT m.need_id AS NeedId, m.partner_id AS PartnerId, m.public_id AS MatchId, s.score AS Score,
               n.public_id AS NeedPublicId, n.title AS NeedTitle, sm.public_id AS SmePublicId, sm.name AS SmeName, su.public_id AS SmeOwner, su.id AS SmeOwnerKey,
               p.public_id AS PartnerPublicId, p.name AS PartnerName, pu.public_id AS PartnerOwner, pu.id AS PartnerOwnerKey
        FROM matches m
        JOIN match_scores s ON s.match_id = m.id AND s.criteria_version = @Version
        JOIN needs n ON n.id = m.need_id
        JOIN smes sm ON sm.id = n.sme_id
        JOIN users su ON su.id = sm.owner_user_id
        JOIN partners p ON p.id = m.partner_id
        JOIN users pu ON pu.id = p.owner_user_id
        WHERE m.status = 'suggested' AND m.id IN /**ids**/
          AND NOT EXISTS (SELECT 1 FROM suggestion_notices sn WHERE sn.need_id = m.need_id AND sn.partner_id = m.partner_id)
        """;

    private const string CreatedSinceSql = "SELECT id FROM matches WHERE created_at >= @Since AND status = 'suggested'";

    private const string MarkAnnouncedSql = "INSERT INTO suggestion_notices (need_id, partner_id) VALUES (@NeedId, @PartnerId)";

    private sealed record NewPair
    {
        public long NeedId { get; init; }
        public long PartnerId { get; init; }
        public Guid MatchId { get; init; }
        public decimal Score { get; init; }
        public Guid NeedPublicId { get; init; }
        public string NeedTitle { get; init; } = "";
        public Guid SmePublicId { get; init; }
        public string SmeName { get; init; } = "";
        public Guid SmeOwner { get; init; }
        public long SmeOwnerKey { get; init; }
        public Guid PartnerPublicId { get; init; }
        public string PartnerName { get; init; } = "";
        public Guid PartnerOwner { get; init; }
        public long PartnerOwnerKey { get; init; }
    }

    /// <summary>Announces the match rows a write created, scored under the active <paramref name="version"/>.</summary>
    public static async Task AnnounceAsync(Notifier notifier, DbConnection c, DbTransaction tx, IReadOnlyCollection<long> createdMatchIds, int version, DateTime now, CancellationToken ct)
    {
        if (createdMatchIds.Count == 0)
            return;
        var pairs = await IdChunks.QueryAsync<NewPair>(c, tx, NewPairsSql, createdMatchIds, ct, new { Version = version });
        if (pairs.Count == 0)
            return;
        var minScores = await MinScoresAsync(c, tx, [.. pairs.Select(p => p.SmeOwnerKey).Concat(pairs.Select(p => p.PartnerOwnerKey)).Distinct()], ct);

        var toSmes = pairs.Where(p => p.Score >= minScores[p.SmeOwnerKey]).ToList();
        var toPartners = pairs.Where(p => p.Score >= minScores[p.PartnerOwnerKey]).ToList();
        var groups = toSmes.GroupBy(p => (Recipient: p.SmeOwner, Key: p.NeedId)).Select(g => (g.Key.Recipient, Other: (Func<NewPair, string>)(best => best.PartnerName), Pairs: Ranked(g)))
            .Concat(toPartners.GroupBy(p => (Recipient: p.PartnerOwner, Key: p.PartnerId)).Select(g => (g.Key.Recipient, Other: (Func<NewPair, string>)(best => best.SmeName), Pairs: Ranked(g))))
            .ToList();
        await notifier.RecordAsync(c, tx, groups.Select(g => Announce(g.Recipient, g.Pairs, g.Other)), now, ct);
        await notifier.PublishAsync(c, tx, groups.Select(g => EventsOf.Suggested(g.Recipient, g.Pairs[0].MatchId, g.Pairs[0].NeedPublicId,
            g.Pairs[0].PartnerPublicId, g.Pairs[0].SmePublicId, g.Pairs[0].Score, g.Pairs.Count, now)), now, ct);

        var announced = toSmes.Concat(toPartners).Select(p => new { p.NeedId, p.PartnerId }).Distinct().ToList();
        if (announced.Count > 0)
            await c.ExecuteAsync(new CommandDefinition(MarkAnnouncedSql, announced, tx, cancellationToken: ct));
    }

    /// <summary>In the transaction that activates a re-score's version: announces the suggestions created since the job began.</summary>
    public static async Task AnnounceCreatedSinceAsync(Notifier notifier, DbConnection c, DbTransaction tx, DateTime since, int version, DateTime now, CancellationToken ct)
    {
        var created = (await c.QueryAsync<long>(new CommandDefinition(CreatedSinceSql, new { Since = since }, tx, cancellationToken: ct))).ToList();
        await AnnounceAsync(notifier, c, tx, created, version, now, ct);
    }

    private static async Task<Dictionary<long, decimal>> MinScoresAsync(DbConnection c, DbTransaction tx, IReadOnlyCollection<long> userIds, CancellationToken ct) =>
        (await PreferenceStore.ForUsersAsync(c, tx, userIds, ct)).ToDictionary(p => p.Key, p => p.Value.MinScore);

    private static List<NewPair> Ranked(IEnumerable<NewPair> pairs) => [.. pairs.OrderByDescending(p => p.Score).ThenBy(p => p.MatchId)];

    private static Notice Announce(Guid recipient, List<NewPair> ranked, Func<NewPair, string> other)
    {
        var best = ranked[0];
        return new Notice(recipient, NotificationKind.MatchSuggested, best.MatchId, best.NeedPublicId, best.PartnerPublicId, new NoticeFacts
        {
            NeedTitle = best.NeedTitle,
            Other = other(best),
            Score = best.Score,
            Count = ranked.Count,
        });
    }
}
