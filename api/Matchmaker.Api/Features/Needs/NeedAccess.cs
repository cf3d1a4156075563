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

    /// <summary>
    /// Whether the caller may list who the need matches (the SME that posted it, agency, admin); if not, the answer:
    /// 404 when it may not know the need exists, else 403 saying <paramref name="forbiddenKey"/>.
    /// </summary>
    public static bool MayListMatches(ClaimsPrincipal caller, [NotNullWhen(true)] NeedRow? need, string forbiddenKey, [NotNullWhen(false)] out IResult? refusal)
    {
        refusal = need is null || !MayRead(caller, need) ? Problems.NotFound("Need")
            : need.SmeOwnerId != caller.PublicId() && !caller.IsOversight() ? Problems.Forbidden(Messages.Get(forbiddenKey))
            : null;
        return refusal is null;
    }
}
