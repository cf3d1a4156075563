using System.Diagnostics.CodeAnalysis;
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
}

internal sealed record NewUser(Guid PublicId, string Email, string PasswordHash, string Role, DateTime CreatedAt);

/// <summary>Creating accounts and checking passwords, shared by self-registration, the admin and the bootstrap admin.</summary>
internal static class UserAccounts
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 128;
    public const int MaxEmailLength = 254;

    private static readonly PasswordHasher<string> Hasher = new();

    public const string SelectColumns = """
        id AS Id, public_id AS PublicId, email AS Email, password_hash AS PasswordHash, role AS Role,
        is_active AS IsActive, created_at AS CreatedAt, updated_at AS UpdatedAt, version AS Version, security_stamp AS SecurityStamp
        """;

    private const string InsertSql = """
        INSERT INTO users (public_id, email, email_normalized, password_hash, role, is_active, created_at, updated_at, version, security_stamp)
        VALUES (@PublicId, @Email, @EmailNormalized, @PasswordHash, @Role, 1, @CreatedAt, @CreatedAt, 1, @SecurityStamp)
        """;

    private const string IdSql = "SELECT id FROM users WHERE public_id = @PublicId";

    private const string FindSql = "SELECT " + SelectColumns + " FROM users WHERE public_id = @Id";

    private const string FindByEmailSql = "SELECT " + SelectColumns + " FROM users WHERE email_normalized = @EmailNormalized";

    /// <summary>A new stamp ends every token issued with the old one.</summary>
    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    /// <returns>the new account, or null when the e-mail is taken.</returns>
    public static async Task<UserRow?> CreateAsync(DbConnection connection, SqlDialect dialect, string email, string password, string role, DateTime now, CancellationToken ct)
    {
        var publicId = Guid.NewGuid();
        var trimmed = email.Trim();
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                PublicId = publicId,
                Email = trimmed,
                EmailNormalized = Normalize(trimmed),
                PasswordHash = Hasher.HashPassword(trimmed, password),
                Role = role,
                CreatedAt = now,
                SecurityStamp = NewSecurityStamp(),
            }, cancellationToken: ct));
        }
        catch (Exception e) when (dialect.IsUniqueViolation(e))
        {
            return null;
        }

        return await FindByEmailAsync(connection, trimmed, ct);
    }

    /// <summary>Inserts accounts whose passwords are hashed already; returns their internal ids by public id.</summary>
    public static async Task<Dictionary<Guid, long>> InsertAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<NewUser> users, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, users.Select(u => new
        {
            u.PublicId,
            u.Email,
            EmailNormalized = Normalize(u.Email),
            u.PasswordHash,
            u.Role,
            u.CreatedAt,
            SecurityStamp = NewSecurityStamp(),
        }).ToList(), tx, cancellationToken: ct));
        return await Shared.PublicIds.InternalIdsAsync(connection, tx, IdSql, users.Select(u => u.PublicId), ct);
    }

    public static Task<UserRow?> FindAsync(DbConnection connection, Guid publicId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(FindSql, new { Id = publicId }, cancellationToken: ct));

    public static Task<UserRow?> FindByEmailAsync(DbConnection connection, string email, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(FindByEmailSql, new { EmailNormalized = Normalize(email) }, cancellationToken: ct));

    /// <summary>
    /// Whether a sign-in opens the account. The password is checked in every case, against a stand-in
    /// hash when the e-mail is unknown, so an unknown e-mail, a wrong password and a deactivated
    /// account take the same time.
    /// </summary>
    public static bool SignsIn([NotNullWhen(true)] UserRow? user, string password)
    {
        var verified = Hasher.VerifyHashedPassword(user?.Email ?? "", user?.PasswordHash ?? DummyHash.Value, password) != PasswordVerificationResult.Failed;
        return user is { IsActive: true } && verified;
    }

    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword("", Guid.NewGuid().ToString()));
}
