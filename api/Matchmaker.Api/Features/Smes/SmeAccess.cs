using System.Security.Claims;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Infrastructure.Auth;

namespace Matchmaker.Api.Features.Smes;

internal static class SmeAccess
{
    /// <summary>Owner, agency and admin see everything; partners see the public view; other SMEs see nothing.</summary>
    public static ProfileView ViewOf(ClaimsPrincipal caller, SmeRow sme)
    {
        if (caller.IsOversight() || sme.OwnerId == caller.PublicId())
            return ProfileView.Full;
        return caller.IsInRole(AppRoles.Partner) ? ProfileView.Public : ProfileView.Hidden;
    }

    public static bool MayEdit(ClaimsPrincipal caller, SmeRow sme) =>
        caller.IsInRole(AppRoles.Admin) || sme.OwnerId == caller.PublicId();
}
