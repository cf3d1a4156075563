using System.Data.Common;
using Dapper;
using Matchmaker.Api.Infrastructure.Data;
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
}

/// <summary>Creating accounts and checking passwords, shared by self-registration, the admin and the bootstrap admin.</summary>
internal static class UserAccounts
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 128;
    public const int MaxEmailLength = 254;

    private static readonly PasswordHasher<string> Hasher = new();

    public const string SelectColumns = """
        id AS Id, public_id AS PublicId, email AS Email, password_hash AS PasswordHash, role AS Role,
        is_active AS IsActive, created_at AS CreatedAt, updated_at AS UpdatedAt, version AS Version
        """;

    private const string InsertSql = """
        INSERT INTO users (public_id, email, email_normalized, password_hash, role, is_active, created_at, updated_at, version)
        VALUES (@PublicId, @Email, @EmailNormalized, @PasswordHash, @Role, 1, @Now, @Now, 1)
        """;

    private const string FindByEmailSql = "SELECT " + SelectColumns + " FROM users WHERE email_normalized = @EmailNormalized";

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
                Now = now,
            }, cancellationToken: ct));
        }
        catch (Exception e) when (dialect.IsUniqueViolation(e))
        {
            return null;
        }

        return await FindByEmailAsync(connection, trimmed, ct);
    }

    public static Task<UserRow?> FindByEmailAsync(DbConnection connection, string email, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(FindByEmailSql, new { EmailNormalized = Normalize(email) }, cancellationToken: ct));

    public static bool PasswordMatches(UserRow user, string password) =>
        Hasher.VerifyHashedPassword(user.Email, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <summary>Spends the same time as a real check so an unknown e-mail cannot be told apart by timing.</summary>
    public static void SpendVerificationTime(string password) =>
        Hasher.VerifyHashedPassword("", DummyHash.Value, password);

    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword("", Guid.NewGuid().ToString()));
}
