using System.Security.Cryptography;
using System.Text;
using Matchmaker.Api.Features.Notifications.Email;
using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Auth;

/// <summary>
/// The one home of <c>account_tokens</c>: single-use tokens mailed to an account to verify its address or reset
/// its password. A request writes the token's row and its outbox row; the token itself is drawn from
/// <see cref="RandomNumberGenerator"/> when the mail is sent, and only its SHA-256 is stored, so neither the
/// database nor a log ever holds one. A link is redeemed by looking its hash up.
/// </summary>
internal static class AccountTokens
{
    public static class Purposes
    {
        public const string VerifyEmail = "verify_email";
        public const string PasswordReset = "password_reset";
    }

    private const int TokenBytes = 32;

    /// <summary>A token as mailed: <see cref="TokenBytes"/> random bytes in base64url, without padding.</summary>
    public const int TokenLength = 43;

    public const string TokenPattern = "^[A-Za-z0-9_-]{43}$";

    private const string EndOpenSql = """
        UPDATE account_tokens SET used_at = @Now
        WHERE purpose = @Purpose AND used_at IS NULL
          AND user_id = (SELECT u.id FROM users u WHERE u.email_normalized = @EmailNormalized)
        """;

    // An unknown or inactive address matches no account: the same statement writes a row of no account, ended at
    // once, so the request commits a write either way (a commit that writes costs far more than one that does not).
    private const string InsertSql = """
        INSERT INTO account_tokens (public_id, user_id, purpose, created_at, expires_at, used_at)
        SELECT @TokenId, u.id, @Purpose, @Now, @ExpiresAt, CASE WHEN u.id IS NULL THEN @Now END
        FROM (SELECT 1 AS one) request
        LEFT JOIN users u ON u.email_normalized = @EmailNormalized AND u.is_active = 1
        """;

    private const string DrawSql = "UPDATE account_tokens SET token_hash = @Hash WHERE id = @Id AND used_at IS NULL AND expires_at > @Now";

    private const string FindSql = """
        SELECT t.id AS TokenId, u.id AS UserId
        FROM account_tokens t
        JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = @Hash AND t.purpose = @Purpose AND t.used_at IS NULL AND t.expires_at > @Now AND u.is_active = 1
        """;

    private const string UseSql = "UPDATE account_tokens SET used_at = @Now WHERE id = @TokenId AND used_at IS NULL";

    private const string EndOthersSql = "UPDATE account_tokens SET used_at = @Now WHERE user_id = @UserId AND purpose = @Purpose AND used_at IS NULL";

    private sealed record Found
    {
        public long TokenId { get; init; }
        public long UserId { get; init; }
    }

    /// <summary>
    /// Writes a token for the active account of <paramref name="email"/> and the outbox row that mails it, both in
    /// <paramref name="tx"/>; <paramref name="endEarlier"/> first ends the account's open tokens of this purpose.
    /// Whether or not such an account exists, the same statements run and a token row is written.
    /// </summary>
    public static async Task QueueAsync(DbConnection c, DbTransaction tx, string purpose, string email, bool endEarlier, string linkBase,
        TimeSpan lifetime, DateTime now, CancellationToken ct)
    {
        var args = new
        {
            TokenId = Guid.NewGuid(),
            Purpose = purpose,
            EmailNormalized = UserAccounts.Normalize(email),
            Now = now,
            ExpiresAt = now + lifetime,
        };
        if (endEarlier)
            await c.ExecuteAsync(new CommandDefinition(EndOpenSql, args, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(InsertSql, args, tx, cancellationToken: ct));
        await EmailOutbox.EnqueueAccountTokenAsync(c, tx, args.TokenId, linkBase, now, ct);
    }

    /// <summary>
    /// Draws the token of row <paramref name="id"/> for its mail and stores its hash (a retried mail draws a new one,
    /// which ends the one before); null when the token ended or expired before its mail went out.
    /// </summary>
    public static async Task<string?> DrawAsync(DbConnection c, long id, DateTime now, CancellationToken ct)
    {
        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var drawn = await c.ExecuteAsync(new CommandDefinition(DrawSql, new { Id = id, Hash = Hash(token), Now = now }, cancellationToken: ct));
        return drawn == 1 ? token : null;
    }

    /// <summary>
    /// Uses an open token of <paramref name="purpose"/> and ends every other open one of its account, in
    /// <paramref name="tx"/>; returns its account's internal id, or null when the token is unknown, expired, used or
    /// ended, or its account inactive.
    /// </summary>
    public static async Task<long?> RedeemAsync(DbConnection c, DbTransaction tx, string purpose, string token, DateTime now, CancellationToken ct)
    {
        var found = await c.QuerySingleOrDefaultAsync<Found>(new CommandDefinition(FindSql, new { Hash = Hash(token), Purpose = purpose, Now = now }, tx, cancellationToken: ct));
        if (found is null
            || await c.ExecuteAsync(new CommandDefinition(UseSql, new { found.TokenId, Now = now }, tx, cancellationToken: ct)) == 0)
            return null;
        await c.ExecuteAsync(new CommandDefinition(EndOthersSql, new { found.UserId, Purpose = purpose, Now = now }, tx, cancellationToken: ct));
        return found.UserId;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
