using System.Collections.Concurrent;
using System.Security.Claims;

namespace Matchmaker.Api.Infrastructure.Auth;

/// <summary>
/// An account as a token must still find it: its role, whether it is active, its security stamp; and the
/// verification status of the profile it owns, if any, which each request carries as a claim.
/// </summary>
internal sealed record AccountState(string Role, bool IsActive, string SecurityStamp, string? ProfileVerification = null);

/// <summary>Reads an account's <see cref="AccountState"/>; the accounts' own area provides it.</summary>
internal interface IAccountStates
{
    Task<AccountState?> FindAsync(Guid publicId, CancellationToken ct);
}

/// <summary>
/// Whether a validated token still speaks for its account: the account exists, is active, has the
/// token's role and the token's security stamp. States are cached for <c>Auth:RevocationSeconds</c>,
/// so other instances see a change within that time; the instance that made it forgets at once.
/// </summary>
internal sealed class AccountRevocation(IAccountStates states, AuthOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, (AccountState? State, DateTime Until)> cache = new();

    /// <summary>The account's state when the token still speaks for it, else null.</summary>
    public async Task<AccountState?> CurrentStateAsync(ClaimsPrincipal token, CancellationToken ct)
    {
        if (token.PublicId() is not { } id)
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!cache.TryGetValue(id, out var entry) || entry.Until <= now)
        {
            entry = (await states.FindAsync(id, ct), now + options.RevocationWindow);
            cache[id] = entry;
        }

        // Tokens of an external issuer (Auth:Authority) carry no stamp; the account must still be active with their role.
        var stamp = token.FindFirst(CallerClaims.SecurityStamp)?.Value;
        return entry.State is { IsActive: true } state
            && state.Role == token.Role()
            && (stamp is null ? options.Authority is not null : stamp == state.SecurityStamp)
            ? state
            : null;
    }

    public void Forget(Guid publicId) => cache.TryRemove(publicId, out _);
}
