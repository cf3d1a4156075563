namespace Matchmaker.Api.Features.Verification;

/// <summary>The verification columns of the SME and partner tables: their reads across both kinds of profile.</summary>
internal static class VerificationStore
{
    // An account owns at most one profile, of the kind its role allows.
    private const string OfOwnerSql = """
        SELECT COALESCE(s.verification, p.verification)
        FROM users u
        LEFT JOIN smes s ON s.owner_user_id = u.id
        LEFT JOIN partners p ON p.owner_user_id = u.id
        WHERE u.id = @UserId
        """;

    /// <summary>Where the profile the account owns stands; null when it owns none.</summary>
    public static Task<string?> OfOwnerAsync(DbConnection connection, long userId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(OfOwnerSql, new { UserId = userId }, cancellationToken: ct));
}
