using Matchmaker.Api.Features.Notifications.Preferences;

namespace Matchmaker.Api.Features.Notifications.Email;

internal sealed record DigestItem
{
    public string Kind { get; init; } = "";
    public string Data { get; init; } = "{}";
    public Guid? MatchId { get; init; }
    public Guid? NeedId { get; init; }
}

/// <summary>
/// Daily digests: at <c>Email:DigestHourUtc</c>, one outbox row per account that chose <c>daily</c> and was
/// told something since its previous digest (or since it chose daily), covering the items created up to
/// that hour. The unique (account, digest time) index lets any number of instances queue it once.
/// </summary>
internal static class EmailDigests
{
    private const string DueSql = """
        SELECT p.user_id AS UserId,
               COALESCE((SELECT MAX(o.digest_until) FROM email_outbox o WHERE o.user_id = p.user_id AND o.digest_until IS NOT NULL), p.updated_at) AS Since
        FROM notification_preferences p
        JOIN users u ON u.id = p.user_id
        WHERE p.email_mode = @Daily AND u.is_active = 1
          AND NOT EXISTS (SELECT 1 FROM email_outbox d WHERE d.user_id = p.user_id AND d.digest_until = @Until)
          AND EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = p.user_id AND n.created_at < @Until
                      AND n.created_at >= COALESCE((SELECT MAX(o.digest_until) FROM email_outbox o WHERE o.user_id = p.user_id AND o.digest_until IS NOT NULL), p.updated_at))
        """;

    private const string QueueSql = """
        INSERT INTO email_outbox (public_id, user_id, digest_from, digest_until, status, attempts, next_attempt_at, created_at)
        VALUES (@PublicId, @UserId, @Since, @Until, 'pending', 0, @Now, @Now)
        """;

    private const string ItemsSql = """
        SELECT n.kind AS Kind, n.data AS Data, n.match_public_id AS MatchId, n.need_public_id AS NeedId
        FROM notifications n
        WHERE n.user_id = @UserId AND n.created_at >= @From AND n.created_at < @Until
        ORDER BY n.created_at, n.id
        """;

    /// <summary>The latest digest time at or before <paramref name="now"/>.</summary>
    public static DateTime LatestDigestTime(DateTime now, int hourUtc)
    {
        var today = now.Date.AddHours(hourUtc);
        return today <= now ? today : today.AddDays(-1);
    }

    /// <summary>Queues the digests due at the latest digest time; returns how many this call queued.</summary>
    public static async Task<int> QueueDueAsync(DbConnection c, SqlDialect dialect, int hourUtc, DateTime now, CancellationToken ct)
    {
        var until = LatestDigestTime(now, hourUtc);
        var due = (await c.QueryAsync<(long UserId, DateTime Since)>(new CommandDefinition(DueSql,
            new { Daily = PreferenceStore.EmailModes.Daily, Until = until }, cancellationToken: ct))).ToList();
        var queued = 0;
        foreach (var (userId, since) in due)
        {
            try
            {
                queued += await c.ExecuteAsync(new CommandDefinition(QueueSql,
                    new { PublicId = Guid.CreateVersion7(now), UserId = userId, Since = since, Until = until, Now = now }, cancellationToken: ct));
            }
            catch (Exception e) when (dialect.IsUniqueViolation(e))
            {
                // Another instance queued this account's digest first.
            }
        }

        return queued;
    }

    public static async Task<IReadOnlyList<DigestItem>> ItemsAsync(DbConnection c, long userId, DateTime from, DateTime until, CancellationToken ct) =>
        (await c.QueryAsync<DigestItem>(new CommandDefinition(ItemsSql, new { UserId = userId, From = from, Until = until }, cancellationToken: ct))).ToList();
}
