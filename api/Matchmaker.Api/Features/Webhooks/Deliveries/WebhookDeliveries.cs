using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Webhooks.Deliveries;

/// <summary>A delivery as the dispatcher works on it, with its subscription's address, current secret and owner's state.</summary>
internal sealed record OutgoingDelivery
{
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public string EventType { get; init; } = "";
    public string Body { get; init; } = "";
    public int Attempts { get; init; }
    public DateTime? FirstAttemptAt { get; init; }
    public string Url { get; init; } = "";
    public string Secret { get; init; } = "";
    public bool OwnerActive { get; init; }
}

/// <summary>A delivery as its subscription's owner reads it.</summary>
internal sealed record DeliveryRow
{
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public string EventType { get; init; } = "";
    public string Status { get; init; } = "";
    public int Attempts { get; init; }
    public int? LastResponseCode { get; init; }
    public string? LastError { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? LastAttemptAt { get; init; }
    public DateTime NextAttemptAt { get; init; }
    public DateTime? DeliveredAt { get; init; }
    public string Body { get; init; } = "";
}

internal sealed record WebhookBacklog
{
    public int Pending { get; init; }
    public DateTime? OldestPendingAt { get; init; }
    public int Failed { get; init; }
}

/// <summary>
/// The home of <c>webhook_deliveries</c>: deliveries queued in the transaction of their event, claimed by
/// one instance at a time for a lease, and what happened to each attempt.
/// </summary>
internal static class WebhookDeliveries
{
    public const int MaxErrorLength = 1000;

    /// <summary>Event bodies hold ids, a few states and at most an agency's note (≤ 1000 characters, each escaped to at most six), below this.</summary>
    public const int MaxBodyLength = 8000;

    public static class Status
    {
        public const string Pending = "pending";
        public const string Delivered = "delivered";
        public const string Retrying = "retrying";
        public const string Failed = "failed";

        public static readonly string[] All = [Pending, Delivered, Retrying, Failed];
    }

    private sealed record Subscription(long Id, string Events, Guid Owner, string Role);

    private const string SubscriptionsSql = """
        SELECT w.id AS Id, w.events AS Events, u.public_id AS Owner, u.role AS Role
        FROM webhooks w JOIN users u ON u.id = w.owner_user_id
        WHERE u.is_active = 1
        """;

    private const string EnqueueSql = """
        INSERT INTO webhook_deliveries (public_id, webhook_id, event_type, body, status, attempts, next_attempt_at, created_at)
        VALUES (@PublicId, @WebhookId, @EventType, @Body, 'pending', 0, @At, @At)
        """;

    private const string Due = "status IN ('pending', 'retrying') AND next_attempt_at <= @Now AND (claimed_until IS NULL OR claimed_until < @Now)";

    // The outer conditions are checked again on each row the update touches, so two instances racing for
    // the same rows split them instead of sharing them.
    private const string ClaimSql = "UPDATE webhook_deliveries SET claimed_by = @Token, claimed_until = @Until WHERE " + Due + """

          AND id IN (SELECT /**top**/ d.id FROM webhook_deliveries d
                     WHERE d.status IN ('pending', 'retrying') AND d.next_attempt_at <= @Now AND (d.claimed_until IS NULL OR d.claimed_until < @Now)
                     ORDER BY d.next_attempt_at, d.id /**limit**/)
        """;

    private const string ClaimedSql = """
        SELECT d.id AS Id, d.public_id AS PublicId, d.event_type AS EventType, d.body AS Body, d.attempts AS Attempts,
               d.first_attempt_at AS FirstAttemptAt, w.url AS Url, w.secret AS Secret, u.is_active AS OwnerActive
        FROM webhook_deliveries d
        JOIN webhooks w ON w.id = d.webhook_id
        JOIN users u ON u.id = w.owner_user_id
        WHERE d.claimed_by = @Token AND d.status IN ('pending', 'retrying')
        ORDER BY d.id
        """;

    private const string AttemptedSql = """
        UPDATE webhook_deliveries
        SET status = @Status, attempts = attempts + 1, next_attempt_at = @Next, first_attempt_at = COALESCE(first_attempt_at, @Now),
            last_attempt_at = @Now, last_response_code = @Code, last_error = @Error, delivered_at = @DeliveredAt,
            claimed_by = NULL, claimed_until = NULL
        WHERE id = @Id AND claimed_by = @Token
        """;

    private const string ReleaseSql = "UPDATE webhook_deliveries SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = @Token AND status IN ('pending', 'retrying')";

    private const string RetrySql = """
        UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = @Now, first_attempt_at = NULL, claimed_by = NULL, claimed_until = NULL
        WHERE id = @Id
        """;

    private const string Columns = """
        d.id AS Id, d.public_id AS PublicId, d.event_type AS EventType, d.status AS Status, d.attempts AS Attempts,
        d.last_response_code AS LastResponseCode, d.last_error AS LastError, d.created_at AS CreatedAt, d.last_attempt_at AS LastAttemptAt,
        d.next_attempt_at AS NextAttemptAt, d.delivered_at AS DeliveredAt, d.body AS Body
        """;

    private static readonly string ListSql = "SELECT /**top**/ " + Columns + $"""

         FROM webhook_deliveries d
        WHERE d.webhook_id = @WebhookId AND d.status IN @Statuses AND {NewestFirst.After("d")}
        {NewestFirst.Order("d")}
        /**limit**/
        """;

    private const string FindSql = "SELECT " + Columns + " FROM webhook_deliveries d WHERE d.webhook_id = @WebhookId AND d.public_id = @Id";

    private const string DeleteOfWebhookSql = "DELETE FROM webhook_deliveries WHERE webhook_id = @WebhookId";

    private const string BacklogSql = """
        SELECT (SELECT COUNT(*) FROM webhook_deliveries WHERE status IN ('pending', 'retrying')) AS Pending,
               (SELECT MIN(created_at) FROM webhook_deliveries WHERE status IN ('pending', 'retrying')) AS OldestPendingAt,
               (SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'failed') AS Failed
        """;

    /// <summary>Queues a delivery of each event to every active subscription that names it and may read its record.</summary>
    public static async Task<int> EnqueueAsync(DbConnection c, DbTransaction tx, IReadOnlyCollection<WebhookEvent> events, DateTime now, CancellationToken ct)
    {
        if (events.Count == 0)
            return 0;
        var subscriptions = (await c.QueryAsync<Subscription>(new CommandDefinition(SubscriptionsSql, transaction: tx, cancellationToken: ct)))
            .Select(s => (s.Id, s.Owner, s.Role, Events: JsonList.Read(s.Events)))
            .ToList();
        if (subscriptions.Count == 0)
            return 0;

        var rows = (from e in events
                    from s in subscriptions
                    where s.Events.Contains(e.Type) && Receives(e, s.Owner, s.Role)
                    select new { PublicId = Guid.CreateVersion7(now), WebhookId = s.Id, EventType = e.Type, Body = e.Body(), At = now }).ToList();
        if (rows.Count > 0)
            await c.ExecuteAsync(new CommandDefinition(EnqueueSql, rows, tx, cancellationToken: ct));
        return rows.Count;
    }

    /// <summary>A party role hears of its own records only; agency and admin of every record their role receives.</summary>
    private static bool Receives(WebhookEvent e, Guid owner, string role) =>
        WebhookEvents.Reaches(e.Type, role) && (role is AppRoles.Agency or AppRoles.Admin || e.Parties.Contains(owner));

    /// <summary>Claims up to <paramref name="take"/> due deliveries for <paramref name="lease"/> and returns them.</summary>
    public static async Task<IReadOnlyList<OutgoingDelivery>> ClaimAsync(DbConnection c, SqlDialect dialect, string token, int take, DateTime now, TimeSpan lease, CancellationToken ct)
    {
        var claimed = await c.ExecuteAsync(new CommandDefinition(dialect.Render(ClaimSql), new { Token = token, Until = now + lease, Now = now, Take = take }, cancellationToken: ct));
        return claimed == 0 ? [] : (await c.QueryAsync<OutgoingDelivery>(new CommandDefinition(ClaimedSql, new { Token = token }, cancellationToken: ct))).ToList();
    }

    /// <summary>Records an attempt: delivered, tried again at <paramref name="next"/>, or failed for good when that is null.</summary>
    public static Task<int> AttemptedAsync(DbConnection c, long id, string token, bool delivered, int? code, string? error, DateTime? next, DateTime now, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(AttemptedSql, new
        {
            Id = id,
            Token = token,
            Status = delivered ? Status.Delivered : next is null ? Status.Failed : Status.Retrying,
            Next = next ?? now,
            Now = now,
            Code = code,
            Error = error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error,
            DeliveredAt = delivered ? now : (DateTime?)null,
        }, cancellationToken: ct));

    /// <summary>Hands back what a claim still holds, so that another instance need not wait for the lease to end.</summary>
    public static Task<int> ReleaseAsync(DbConnection c, string token) =>
        c.ExecuteAsync(new CommandDefinition(ReleaseSql, new { Token = token }, cancellationToken: CancellationToken.None));

    /// <summary>
    /// Queues the delivery to be sent again now, with a fresh 24 hours of retries. An attempt in flight keeps
    /// going, but its outcome is no longer recorded (its claim is gone): the queued attempt's is.
    /// </summary>
    public static Task<int> RetryAsync(DbConnection c, long id, DateTime now, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(RetrySql, new { Id = id, Now = now }, cancellationToken: ct));

    public static async Task<IReadOnlyList<DeliveryRow>> ListAsync(DbConnection c, SqlDialect dialect, long webhookId, IReadOnlyCollection<string> statuses,
        DateTime? afterCreatedAt, long? afterId, int take, CancellationToken ct) =>
        (await c.QueryAsync<DeliveryRow>(new CommandDefinition(dialect.Render(ListSql), new
        {
            WebhookId = webhookId,
            Statuses = statuses,
            AfterCreatedAt = afterCreatedAt,
            AfterId = afterId,
            Take = take,
        }, cancellationToken: ct))).ToList();

    public static Task<DeliveryRow?> FindAsync(DbConnection c, long webhookId, Guid id, CancellationToken ct) =>
        c.QuerySingleOrDefaultAsync<DeliveryRow>(new CommandDefinition(FindSql, new { WebhookId = webhookId, Id = id }, cancellationToken: ct));

    public static Task DeleteOfWebhookAsync(DbConnection c, DbTransaction tx, long webhookId, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(DeleteOfWebhookSql, new { WebhookId = webhookId }, tx, cancellationToken: ct));

    public static Task<WebhookBacklog> BacklogAsync(DbConnection c, CancellationToken ct) =>
        c.QuerySingleAsync<WebhookBacklog>(new CommandDefinition(BacklogSql, cancellationToken: ct));
}
