using Matchmaker.Api.Features.Notifications.Preferences;

namespace Matchmaker.Api.Features.Notifications.Email;

internal sealed record OutgoingEmail
{
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public long UserId { get; init; }
    public int Attempts { get; init; }
    public DateTime CreatedAt { get; init; }
    public string Address { get; init; } = "";
    public bool IsActive { get; init; }
    public DateTime? DigestFrom { get; init; }
    public DateTime? DigestUntil { get; init; }
    public string? Kind { get; init; }
    public string? Data { get; init; }
    public Guid? MatchId { get; init; }
    public Guid? NeedId { get; init; }
    public long? AccountTokenId { get; init; }
    public string? TokenPurpose { get; init; }
    public DateTime? TokenExpiresAt { get; init; }
    public string? LinkBase { get; init; }

    public bool IsDigest => DigestUntil is not null;

    public bool IsAccountMail => AccountTokenId is not null;
}

/// <summary>
/// The e-mail outbox: rows written beside the inbox items they carry (for accounts that want each item at once),
/// daily digests (<see cref="EmailDigests"/>) and account mail (a token's link, <see cref="Auth.AccountTokens"/>),
/// claimed by one instance at a time for a lease, marked sent as soon as the SMTP server accepted each message, retried otherwise.
/// </summary>
internal static class EmailOutbox
{
    private const string EnqueueSql = """
        INSERT INTO email_outbox (public_id, user_id, notification_id, status, attempts, next_attempt_at, created_at)
        SELECT @OutboxId, n.user_id, n.id, 'pending', 0, @At, @At
        FROM notifications n
        LEFT JOIN notification_preferences p ON p.user_id = n.user_id
        WHERE n.public_id = @NotificationId AND COALESCE(p.email_mode, @DefaultMode) = @Immediate
        """;

    // A claim takes due rows nobody holds; the outer conditions are checked again on each row it
    // updates, so two instances racing for the same rows split them instead of sharing them.
    private const string ClaimSql = """
        UPDATE email_outbox SET claimed_by = @Token, claimed_until = @Until
        WHERE status = 'pending' AND next_attempt_at <= @Now AND (claimed_until IS NULL OR claimed_until < @Now)
          AND id IN (SELECT /**top**/ o.id FROM email_outbox o
                     WHERE o.status = 'pending' AND o.next_attempt_at <= @Now AND (o.claimed_until IS NULL OR o.claimed_until < @Now)
                     ORDER BY o.next_attempt_at, o.id /**limit**/)
        """;

    private const string ClaimedSql = """
        SELECT o.id AS Id, o.public_id AS PublicId, o.user_id AS UserId, o.attempts AS Attempts, o.created_at AS CreatedAt, u.email AS Address,
               u.is_active AS IsActive, o.digest_from AS DigestFrom, o.digest_until AS DigestUntil,
               n.kind AS Kind, n.data AS Data, n.match_public_id AS MatchId, n.need_public_id AS NeedId,
               o.account_token_id AS AccountTokenId, t.purpose AS TokenPurpose, t.expires_at AS TokenExpiresAt, o.link_base AS LinkBase
        FROM email_outbox o
        JOIN users u ON u.id = o.user_id
        LEFT JOIN notifications n ON n.id = o.notification_id
        LEFT JOIN account_tokens t ON t.id = o.account_token_id
        WHERE o.claimed_by = @Token AND o.status = 'pending'
        ORDER BY o.id
        """;

    private const string SentSql = """
        UPDATE email_outbox SET status = 'sent', sent_at = @Now, attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL, last_error = NULL
        WHERE id = @Id AND claimed_by = @Token
        """;

    private const string RetrySql = """
        UPDATE email_outbox SET status = @Status, attempts = attempts + 1, next_attempt_at = @Next, last_error = @Error,
               claimed_by = NULL, claimed_until = NULL
        WHERE id = @Id AND claimed_by = @Token
        """;

    private const string EnqueueAccountTokenSql = """
        INSERT INTO email_outbox (public_id, user_id, account_token_id, link_base, status, attempts, next_attempt_at, created_at)
        SELECT @OutboxId, t.user_id, t.id, @LinkBase, 'pending', 0, @At, @At
        FROM account_tokens t
        WHERE t.public_id = @TokenId AND t.user_id IS NOT NULL
        """;

    // An account mail whose token ended before it went out has nothing left to say.
    private const string DropSql = "DELETE FROM email_outbox WHERE id = @Id AND claimed_by = @Token AND account_token_id IS NOT NULL";

    private const string ReleaseSql = "UPDATE email_outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = @Token AND status = 'pending'";

    private const string BacklogSql = """
        SELECT (SELECT COUNT(*) FROM email_outbox WHERE status = 'pending') AS Pending,
               (SELECT MIN(created_at) FROM email_outbox WHERE status = 'pending') AS OldestPendingAt,
               (SELECT COUNT(*) FROM email_outbox WHERE status = 'failed') AS Failed
        """;

    public static Task EnqueueAsync(DbConnection c, DbTransaction tx, IEnumerable<Guid> notificationIds, DateTime at, CancellationToken ct)
    {
        var rows = notificationIds.Select(id => new
        {
            OutboxId = Guid.CreateVersion7(at),
            NotificationId = id,
            At = at,
            DefaultMode = PreferenceStore.Defaults(null).Email,
            Immediate = PreferenceStore.EmailModes.Immediate,
        }).ToList();
        return rows.Count == 0 ? Task.CompletedTask : c.ExecuteAsync(new CommandDefinition(EnqueueSql, rows, tx, cancellationToken: ct));
    }

    /// <summary>The mail of an account token (row <paramref name="tokenId"/>, when it was written), sent at once whatever the account's e-mail preference.</summary>
    public static Task EnqueueAccountTokenAsync(DbConnection c, DbTransaction tx, Guid tokenId, string linkBase, DateTime at, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(EnqueueAccountTokenSql, new { OutboxId = Guid.CreateVersion7(at), TokenId = tokenId, LinkBase = linkBase, At = at }, tx, cancellationToken: ct));

    public static Task<int> DropAsync(DbConnection c, long id, string token, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(DropSql, new { Id = id, Token = token }, cancellationToken: ct));

    /// <summary>Claims up to <paramref name="take"/> due e-mails for <paramref name="lease"/> and returns them.</summary>
    public static async Task<IReadOnlyList<OutgoingEmail>> ClaimAsync(DbConnection c, SqlDialect dialect, string token, int take, DateTime now, TimeSpan lease, CancellationToken ct)
    {
        var claimed = await c.ExecuteAsync(new CommandDefinition(dialect.Render(ClaimSql), new { Token = token, Until = now + lease, Now = now, Take = take }, cancellationToken: ct));
        return claimed == 0 ? [] : (await c.QueryAsync<OutgoingEmail>(new CommandDefinition(ClaimedSql, new { Token = token }, cancellationToken: ct))).ToList();
    }

    public static Task<int> SentAsync(DbConnection c, long id, string token, DateTime now, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(SentSql, new { Id = id, Token = token, Now = now }, cancellationToken: ct));

    /// <summary>Records a failed attempt: tried again later, or given up as <c>failed</c> once <paramref name="giveUp"/>.</summary>
    public static Task<int> FailedAttemptAsync(DbConnection c, OutgoingEmail email, string token, string error, bool giveUp, DateTime now, IReadOnlyList<TimeSpan> delays, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(RetrySql, new
        {
            email.Id,
            Token = token,
            Status = giveUp ? "failed" : "pending",
            Next = now + EmailRetry.After(delays, email.Attempts + 1),
            Error = error.Length > 1000 ? error[..1000] : error,
        }, cancellationToken: ct));

    /// <summary>Hands back what a claim still holds, so that another instance need not wait for the lease to end.</summary>
    public static Task<int> ReleaseAsync(DbConnection c, string token) =>
        c.ExecuteAsync(new CommandDefinition(ReleaseSql, new { Token = token }, cancellationToken: CancellationToken.None));

    public static Task<EmailBacklog> BacklogAsync(DbConnection c, CancellationToken ct) =>
        c.QuerySingleAsync<EmailBacklog>(new CommandDefinition(BacklogSql, cancellationToken: ct));
}

internal sealed record EmailBacklog
{
    public int Pending { get; init; }
    public DateTime? OldestPendingAt { get; init; }
    public int Failed { get; init; }
}
