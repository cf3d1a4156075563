using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace Matchmaker.Api.Features.Needs;

internal static class NeedAccess
{
    /// <summary>Owner, agency, admin and any partner may read a need; other SMEs may not know it exists.</summary>
    public static bool MayRead(ClaimsPrincipal caller, NeedRow need) =>
        need.SmeOwnerId == caller.PublicId() || caller.IsAny(AppRoles.Partner, AppRoles.Agency, AppRoles.Admin);

    /// <summary>Whether the caller may change the need; if not, the answer: 404 when it may not know the need exists, else 403.</summary>
    public static bool MayChange(ClaimsPrincipal caller, [NotNullWhen(true)] NeedRow? need, string verb, [NotNullWhen(false)] out IResult? refusal)
    {
        refusal = need is null || !MayRead(caller, need) ? Problems.NotFound("Need")
            : !MayEdit(caller, need) ? Problems.Forbidden(Messages.Get($"Need.Forbidden.{verb}"))
            : null;
        return refusal is null;
    }

    private static bool MayEdit(ClaimsPrincipal caller, NeedRow need) =>
        need.SmeOwnerId == caller.PublicId() || caller.IsInRole(AppRoles.Admin);

    /// <summary>The SME that posted the need, agency and admin; partners read the need but not who else it matched.</summary>
    public static bool MayListMatches(ClaimsPrincipal caller, NeedRow need) =>
        need.SmeOwnerId == caller.PublicId() || caller.IsOversight();
}
