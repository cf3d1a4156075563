using System.Security.Claims;

namespace Matchmaker.Api.Features.Needs;

internal static class NeedAccess
{
    /// <summary>Owner, agency, admin and any partner may read a need; other SMEs may not know it exists.</summary>
    public static bool MayRead(ClaimsPrincipal caller, NeedRow need) =>
        need.SmeOwnerId == caller.PublicId() || caller.IsAny(AppRoles.Partner, AppRoles.Agency, AppRoles.Admin);

    public static bool MayEdit(ClaimsPrincipal caller, NeedRow need) =>
        need.SmeOwnerId == caller.PublicId() || caller.IsInRole(AppRoles.Admin);

    /// <summary>The SME that posted the need, agency and admin; partners read the need but not who else it matched.</summary>
    public static bool MayListMatches(ClaimsPrincipal caller, NeedRow need) =>
        need.SmeOwnerId == caller.PublicId() || caller.IsOversight();
}
