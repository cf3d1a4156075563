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

    // A decision is a change of the profile: its version and update time move, so an edit read before it gets 412 and
    // the partner input cache, which follows update times, sees a partner enter or leave the matching.
    private const string DecideSmeSql = """
        UPDATE smes
        SET verification = @Status, verification_note = @Note,
            verification_since = CASE WHEN verification = @Status THEN verification_since ELSE @Now END,
            updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    private const string DecidePartnerSql = """
        UPDATE partners
        SET verification = @Status, verification_note = @Note,
            verification_since = CASE WHEN verification = @Status THEN verification_since ELSE @Now END,
            updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    /// <summary>Records a decision on a profile read at <paramref name="version"/>; false when it changed since.</summary>
    public static async Task<bool> DecideAsync(DbConnection connection, DbTransaction tx, string kind, long id, int version, string status, string? note, DateTime now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(kind == ProfileKind.Sme ? DecideSmeSql : DecidePartnerSql,
            new { Id = id, Version = version, Status = status, Note = note, Now = now }, tx, cancellationToken: ct)) == 1;

    private const string AppliedRuleSql = "SELECT required FROM vetting_state WHERE id = 1";

    private const string SetAppliedRuleSql = "UPDATE vetting_state SET required = @Required WHERE id = 1";

    private const string UnverifiedSmesSql = "SELECT id FROM smes WHERE verification <> 'verified'";

    private const string UnverifiedPartnersSql = "SELECT id FROM partners WHERE verification <> 'verified'";

    /// <summary>The vetting rule the stored matches follow.</summary>
    public static Task<bool> AppliedRuleAsync(DbConnection connection, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(AppliedRuleSql, cancellationToken: ct));

    public static Task SetAppliedRuleAsync(DbConnection connection, DbTransaction tx, bool required, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(SetAppliedRuleSql, new { Required = required }, tx, cancellationToken: ct));

    /// <summary>The internal ids of the SMEs and partners not verified.</summary>
    public static async Task<(IReadOnlyList<long> Smes, IReadOnlyList<long> Partners)> UnverifiedAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) =>
        ((await connection.QueryAsync<long>(new CommandDefinition(UnverifiedSmesSql, transaction: tx, cancellationToken: ct))).ToList(),
         (await connection.QueryAsync<long>(new CommandDefinition(UnverifiedPartnersSql, transaction: tx, cancellationToken: ct))).ToList());

    /// <summary>Where the profile the account owns stands; null when it owns none.</summary>
    public static Task<string?> OfOwnerAsync(DbConnection connection, long userId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(OfOwnerSql, new { UserId = userId }, cancellationToken: ct));
}
