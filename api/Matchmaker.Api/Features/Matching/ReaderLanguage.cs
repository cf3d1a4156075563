using System.Security.Claims;
using Matchmaker.Api.Features.Notifications.Preferences;
using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Matching;

/// <summary>The language a signed-in reader reads advice in: its notification preference, as inbox texts and e-mails are written.</summary>
internal static class ReaderLanguage
{
    public static async Task<string> OfAsync(DbConnection c, ClaimsPrincipal reader, CancellationToken ct)
    {
        if (reader.PublicId() is not { } id || await UserAccounts.FindAsync(c, id, ct) is not { } account)
            return UserAccounts.DefaultLanguage;
        return (await PreferenceStore.ForUsersAsync(c, null, [account.Id], ct))[account.Id].Language;
    }
}
