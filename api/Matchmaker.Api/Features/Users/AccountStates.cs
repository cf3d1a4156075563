using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Users;

/// <summary>What token validation needs to know of an account, read from its home and its profile's.</summary>
internal sealed class AccountStates(ConnectionFactory db) : IAccountStates
{
    public async Task<AccountState?> FindAsync(Guid publicId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        if (await UserAccounts.FindAsync(connection, publicId, ct) is not { } user)
            return null;
        var verification = user.Role is AppRoles.Sme or AppRoles.Partner ? await VerificationStore.OfOwnerAsync(connection, user.Id, ct) : null;
        return new AccountState(user.Role, user.IsActive, user.SecurityStamp, verification);
    }
}
