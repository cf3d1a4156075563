namespace Matchmaker.Api.Features.Users;

/// <summary>What token validation needs to know of an account, read from its home.</summary>
internal sealed class AccountStates(ConnectionFactory db) : IAccountStates
{
    public async Task<AccountState?> FindAsync(Guid publicId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await UserAccounts.FindAsync(connection, publicId, ct) is { } user
            ? new AccountState(user.Role, user.IsActive, user.SecurityStamp)
            : null;
    }
}
