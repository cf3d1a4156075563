using System.Diagnostics.CodeAnalysis;
using Matchmaker.Api.Features.Audit;
using Matchmaker.Api.Features.Shared;
using Microsoft.AspNetCore.Identity;

namespace Matchmaker.Api.Features.Users;

internal sealed record UserRow
{
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public string Email { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public string Role { get; init; } = "";
    public bool IsActive { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public int Version { get; init; }
    public string SecurityStamp { get; init; } = "";

    /// <summary>The account's language (en, ru, zh); null for an admin-created account until its first sign-in.</summary>
    public string? Language { get; init; }

    /// <summary>When the account proved it reads its address; null while it has not (<see cref="UserAccounts.Via"/> says who starts verified).</summary>
    public DateTime? EmailVerifiedAt { get; init; }
}

internal sealed record NewUser(Guid PublicId, string Email, string PasswordHash, string Role, DateTime CreatedAt);

/// <summary>Creating accounts and checking passwords, shared by self-registration, the admin and the bootstrap admin.</summary>
internal static class UserAccounts
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 128;
    public const int MaxEmailLength = EmailRules.MaxLength;

    private static readonly PasswordHasher<string> Hasher = new();

    public const string SelectColumns = """
        id AS Id, public_id AS PublicId, email AS Email, password_hash AS PasswordHash, role AS Role,
        is_active AS IsActive, created_at AS CreatedAt, updated_at AS UpdatedAt, version AS Version, security_stamp AS SecurityStamp,
        language AS Language, email_verified_at AS EmailVerifiedAt
        """;

    private const string InsertSql = """
        INSERT INTO users (public_id, email, email_normalized, password_hash, role, is_active, created_at, updated_at, version, security_stamp, language, email_verified_at)
        VALUES (@PublicId, @Email, @EmailNormalized, @PasswordHash, @Role, 1, @CreatedAt, @CreatedAt, 1, @SecurityStamp, @Language, @EmailVerifiedAt)
        """;

    // Not a change of the account a client sees (no version): the language it starts in, set once.
    private const string FirstLanguageSql = "UPDATE users SET language = @Language WHERE id = @Id AND language IS NULL";

    private const string IdSql = "SELECT id FROM users WHERE public_id = @PublicId";

    private const string FindSql = "SELECT " + SelectColumns + " FROM users WHERE public_id = @Id";

    private const string FindByIdSql = "SELECT " + SelectColumns + " FROM users WHERE id = @Id";

    private const string PasswordSql = """
        UPDATE users SET password_hash = @PasswordHash, security_stamp = @SecurityStamp, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    // A reset sets the password whatever changed since it was asked for: the mailed link is the proof, not a version.
    private const string ResetPasswordSql = """
        UPDATE users SET password_hash = @PasswordHash, security_stamp = @SecurityStamp, updated_at = @Now, version = version + 1,
                         email_verified_at = COALESCE(email_verified_at, @Now)
        WHERE id = @Id
        """;

    private const string VerifyEmailSql = """
        UPDATE users SET email_verified_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND email_verified_at IS NULL
        """;

    private const string EmailVerifiedSql = "SELECT CASE WHEN email_verified_at IS NULL THEN 0 ELSE 1 END FROM users WHERE id = @Id";

    private const string FindByEmailSql = "SELECT " + SelectColumns + " FROM users WHERE email_normalized = @EmailNormalized";

    /// <summary>A new stamp ends every token issued with the old one.</summary>
    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");

    /// <summary>An e-mail as it is stored and shown: Unicode NFKC (so a fullwidth <c>ｉ</c> is an <c>i</c>), trimmed, lower-cased.</summary>
    public static string Canonical(string email) => EmailRules.Nfkc(email).Trim().ToLowerInvariant();

    /// <summary>
    /// The key an e-mail is unique and looked up by. Upper-cased, as earlier releases stored it: for an
    /// address already in NFKC, which every ASCII one is, the key is unchanged, so existing rows need no migration.
    /// </summary>
    public static string Normalize(string email) => Canonical(email).ToUpperInvariant();

    /// <summary>How an account came to be, recorded with its creation.</summary>
    public static class Via
    {
        public const string Registration = "registration";
        public const string Admin = "admin";
        public const string Bootstrap = "bootstrap";

        /// <summary>An admin (or the configuration) vouches for the address of an account it creates; a registration must prove it.</summary>
        public static bool VouchesForEmail(string via) => via != Registration;
    }

    /// <summary>The language an account is in when it has none yet.</summary>
    public const string DefaultLanguage = "en";

    /// <param name="by">who creates it; null for self-registration, where the new account is its own actor.</param>
    /// <param name="language">the account's language; null leaves it to the first sign-in.</param>
    /// <param name="alsoInTransaction">more work in the creating transaction (the verification mail of a registration).</param>
    /// <returns>the new account, or null when the e-mail is taken.</returns>
    public static async Task<UserRow?> CreateAsync(DbConnection connection, SqlDialect dialect, string email, string password, string role,
        AuditActor? by, string via, string? language, DateTime now, CancellationToken ct, Func<DbTransaction, Task>? alsoInTransaction = null)
    {
        var publicId = Guid.NewGuid();
        var canonical = Canonical(email);
        await using var tx = await connection.BeginTransactionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                PublicId = publicId,
                Email = canonical,
                EmailNormalized = Normalize(canonical),
                PasswordHash = Hasher.HashPassword(canonical, password),
                Role = role,
                CreatedAt = now,
                SecurityStamp = NewSecurityStamp(),
                Language = language,
                EmailVerifiedAt = Via.VouchesForEmail(via) ? now : (DateTime?)null,
            }, tx, cancellationToken: ct));
        }
        catch (Exception e) when (dialect.IsUniqueViolation(e))
        {
            return null;
        }

        await AuditLog.AppendAsync(connection, tx, new AuditEntry(by ?? new AuditActor(publicId, role), AuditAction.UserCreated,
            AuditTarget.User, publicId.ToString(), new { role, via }), now, ct);
        if (alsoInTransaction is not null)
            await alsoInTransaction(tx);
        await tx.CommitAsync(ct);
        return await FindAsync(connection, publicId, ct);
    }

    /// <summary>Inserts accounts whose passwords are hashed already, their addresses taken as verified (seeded worlds); returns their internal ids by public id.</summary>
    public static async Task<Dictionary<Guid, long>> InsertAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<NewUser> users, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, users.Select(u => new
        {
            u.PublicId,
            Email = Canonical(u.Email),
            EmailNormalized = Normalize(u.Email),
            u.PasswordHash,
            u.Role,
            u.CreatedAt,
            SecurityStamp = NewSecurityStamp(),
            Language = (string?)null,
            EmailVerifiedAt = (DateTime?)u.CreatedAt,
        }).ToList(), tx, cancellationToken: ct));
        return await Shared.PublicIds.InternalIdsAsync(connection, tx, IdSql, users.Select(u => u.PublicId), ct);
    }

    public static Task<UserRow?> FindAsync(DbConnection connection, Guid publicId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(FindSql, new { Id = publicId }, cancellationToken: ct));

    /// <summary>An account by its internal id, inside a transaction that may have changed it.</summary>
    public static Task<UserRow?> FindAsync(DbConnection connection, long id, DbTransaction? tx, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(FindByIdSql, new { Id = id }, tx, cancellationToken: ct));

    public static Task<UserRow?> FindByEmailAsync(DbConnection connection, string email, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(FindByEmailSql, new { EmailNormalized = Normalize(email) }, cancellationToken: ct));

    /// <summary>Gives an account that has no language yet (an admin created it) the one of its first sign-in.</summary>
    public static Task SetFirstLanguageAsync(DbConnection connection, UserRow user, string language, CancellationToken ct) =>
        user.Language is not null
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition(FirstLanguageSql, new { user.Id, Language = language }, cancellationToken: ct));

    public static bool HasPassword(UserRow user, string password) =>
        Hasher.VerifyHashedPassword(user.Email, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <summary>Sets a new password and a new security stamp, which ends every token issued before; false when the account changed since it was read.</summary>
    public static async Task<bool> ChangePasswordAsync(DbConnection connection, UserRow user, string newPassword, AuditActor by, DateTime now, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(PasswordSql, new
        {
            PasswordHash = Hasher.HashPassword(user.Email, newPassword),
            SecurityStamp = NewSecurityStamp(),
            Now = now,
            user.Id,
            user.Version,
        }, tx, cancellationToken: ct));
        if (changed == 0)
            return false;

        await AuditLog.AppendAsync(connection, tx, new AuditEntry(by, AuditAction.UserPasswordChanged, AuditTarget.User, user.PublicId.ToString(), new { }), now, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Sets a new password after a mailed reset link proved the caller reads the address (so the address counts as
    /// verified too) and a new security stamp, which ends every token issued before; audited as the account's own act.
    /// </summary>
    public static async Task ResetPasswordAsync(DbConnection connection, DbTransaction tx, UserRow user, string newPassword, DateTime now, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(ResetPasswordSql, new
        {
            PasswordHash = Hasher.HashPassword(user.Email, newPassword),
            SecurityStamp = NewSecurityStamp(),
            Now = now,
            user.Id,
        }, tx, cancellationToken: ct));
        await AuditLog.AppendAsync(connection, tx, new AuditEntry(new AuditActor(user.PublicId, user.Role), AuditAction.UserPasswordReset, AuditTarget.User,
            user.PublicId.ToString(), new { }), now, ct);
    }

    /// <summary>Marks the account's address verified (once: a second verification changes nothing).</summary>
    public static Task VerifyEmailAsync(DbConnection connection, DbTransaction tx, long userId, DateTime now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(VerifyEmailSql, new { Id = userId, Now = now }, tx, cancellationToken: ct));

    /// <summary>Whether the account (internal id) has verified its address; false for no account.</summary>
    public static async Task<bool> EmailVerifiedAsync(DbConnection connection, long userId, DbTransaction? tx, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<int?>(new CommandDefinition(EmailVerifiedSql, new { Id = userId }, tx, cancellationToken: ct)) == 1;

    /// <summary>
    /// Whether a sign-in opens the account. The password is checked in every case, against a stand-in
    /// hash when the e-mail is unknown, so an unknown e-mail, a wrong password and a deactivated
    /// account take the same time.
    /// </summary>
    public static bool SignsIn([NotNullWhen(true)] UserRow? user, string password) => SignsIn(user, password, Hasher);

    internal static bool SignsIn([NotNullWhen(true)] UserRow? user, string password, IPasswordHasher<string> hasher)
    {
        var verified = hasher.VerifyHashedPassword(user?.Email ?? "", user?.PasswordHash ?? DummyHash.Value, password) != PasswordVerificationResult.Failed;
        return user is { IsActive: true } && verified;
    }

    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword("", Guid.NewGuid().ToString()));
}
