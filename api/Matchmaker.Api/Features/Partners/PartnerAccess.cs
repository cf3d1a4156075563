using System.Security.Claims;
using Matchmaker.Api.Infrastructure.Auth;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Partners;

internal static class PartnerAccess
{
    /// <summary>Owner, agency and admin see everything; SMEs see the public view; other partners see nothing.</summary>
    public static ProfileView ViewOf(ClaimsPrincipal caller, PartnerRow partner)
    {
        if (caller.IsOversight() || partner.OwnerId == caller.PublicId())
            return ProfileView.Full;
        return caller.IsInRole(AppRoles.Sme) ? ProfileView.Public : ProfileView.Hidden;
    }

    public static bool MayEdit(ClaimsPrincipal caller, PartnerRow partner) =>
        caller.IsInRole(AppRoles.Admin) || partner.OwnerId == caller.PublicId();
}
