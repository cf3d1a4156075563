using Matchmaker.Api.Features.Audit;

namespace Matchmaker.Api.Features.Users;

internal sealed record AccountChange(string Role, bool IsActive);

internal enum AccountChangeRefusal
{
    /// <summary>Someone changed the account since it was read.</summary>
    Changed,

    /// <summary>The role would change while the account owns an SME or partner profile.</summary>
    OwnsProfile,

    /// <summary>The change would leave no active admin.</summary>
    LastAdmin,
}

/// <summary>
/// Role and activity changes. The rules are checked by the UPDATE itself, so the check and the write
/// are one step, and the transaction first write-locks every active admin's row: two admins demoting
/// each other at once then run one after the other and leave one active admin. (SQLite runs one writing
/// transaction at a time anyway; on SQL Server row locks on the two changed rows alone would let each
/// statement still see the other admin active.)
/// </summary>
internal static class AccountChanges
{
    private const string LockAdminsSql = "UPDATE users SET role = role WHERE role = 'admin' AND is_active = 1";

    private const string UpdateSql = """
        UPDATE users
        SET role = @Role, is_active = @IsActive, security_stamp = @SecurityStamp, updated_at = @Now, version = version + 1
        WHERE public_id = @Id AND version = @Version
          AND (role = @Role
               OR (NOT EXISTS (SELECT 1 FROM smes s WHERE s.owner_user_id = users.id)
                   AND NOT EXISTS (SELECT 1 FROM partners p WHERE p.owner_user_id = users.id)))
          AND ((@Role = 'admin' AND @IsActive = 1)
               OR NOT (role = 'admin' AND is_active = 1)
               OR EXISTS (SELECT 1 FROM users other WHERE other.role = 'admin' AND other.is_active = 1 AND other.id <> users.id))
        """;

    private const string OwnsProfileSql = """
        SELECT CASE WHEN EXISTS (SELECT 1 FROM smes WHERE owner_user_id = @Id)
                      OR EXISTS (SELECT 1 FROM partners WHERE owner_user_id = @Id) THEN 1 ELSE 0 END
        """;

    /// <returns>null when applied, with its audit entries in the same transaction; else why not.</returns>
    public static async Task<AccountChangeRefusal?> ApplyAsync(DbConnection connection, UserRow user, AccountChange change,
        AuditActor by, DateTime now, CancellationToken ct)
    {
        var entries = Entries(user, change, by).ToList();
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(LockAdminsSql, transaction: tx, cancellationToken: ct));
            var changed = await connection.ExecuteAsync(new CommandDefinition(UpdateSql, new
                {
                    Id = user.PublicId,
                    change.Role,
                    change.IsActive,
                    SecurityStamp = entries.Count == 0 ? user.SecurityStamp : UserAccounts.NewSecurityStamp(),
                    Now = now,
                    user.Version,
                }, tx, cancellationToken: ct));
            if (changed == 1)
            {
                await AuditLog.AppendAsync(connection, tx, entries, now, ct);
                await tx.CommitAsync(ct);
                return null;
            }
        }

        var current = await UserAccounts.FindAsync(connection, user.PublicId, ct);
        if (current is null || current.Version != user.Version)
            return AccountChangeRefusal.Changed;
        return change.Role != current.Role
               && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(OwnsProfileSql, new { current.Id }, cancellationToken: ct))
            ? AccountChangeRefusal.OwnsProfile
            : AccountChangeRefusal.LastAdmin;
    }

    private static IEnumerable<AuditEntry> Entries(UserRow user, AccountChange change, AuditActor by)
    {
        var target = user.PublicId.ToString();
        if (change.Role != user.Role)
            yield return new AuditEntry(by, AuditAction.UserRoleChanged, AuditTarget.User, target, new { from = user.Role, to = change.Role });
        if (change.IsActive != user.IsActive)
            yield return new AuditEntry(by, change.IsActive ? AuditAction.UserReactivated : AuditAction.UserDeactivated, AuditTarget.User, target,
                new { role = change.Role });
    }
}
