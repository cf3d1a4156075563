using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Needs;

internal static class NeedAccess
{
    /// <summary>
    /// Owner, agency and admin may read a need, and partners while its SME is listed and so is their own profile
    /// (<see cref="Vetting"/>); other SMEs may not know it exists.
    /// </summary>
    public static bool MayRead(ClaimsPrincipal caller, NeedRow need, Vetting vetting) =>
        need.SmeOwnerId == caller.PublicId() || caller.IsOversight()
        || (caller.IsInRole(AppRoles.Partner) && vetting.Lists(need.SmeVerification) && vetting.MayBrowse(caller));

    /// <summary>Whether the caller may change the need; if not, the answer: 404 when it may not know the need exists, else 403.</summary>
    public static bool MayChange(ClaimsPrincipal caller, [NotNullWhen(true)] NeedRow? need, Vetting vetting, string verb, [NotNullWhen(false)] out IResult? refusal)
    {
        refusal = need is null || !MayRead(caller, need, vetting) ? Problems.NotFound("Need")
            : !MayEdit(caller, need) ? Problems.Forbidden(Messages.Get($"Need.Forbidden.{verb}"))
            : null;
        return refusal is null;
    }

    private static bool MayEdit(ClaimsPrincipal caller, NeedRow need) =>
        need.SmeOwnerId == caller.PublicId() || caller.IsInRole(AppRoles.Admin);

    /// <summary>
    /// Whether the caller may list who the need matches (the SME that posted it, once listed; agency, admin); if not, the answer:
    /// 404 when it may not know the need exists, else 403 saying <paramref name="forbiddenKey"/> or that verification is pending.
    /// </summary>
    public static bool MayListMatches(ClaimsPrincipal caller, [NotNullWhen(true)] NeedRow? need, Vetting vetting, string forbiddenKey, [NotNullWhen(false)] out IResult? refusal)
    {
        refusal = need is null || !MayRead(caller, need, vetting) ? Problems.NotFound("Need")
            : caller.IsOversight() ? null
            : need.SmeOwnerId != caller.PublicId() ? Problems.Forbidden(Messages.Get(forbiddenKey))
            : !vetting.Lists(need.SmeVerification) ? VerificationPending.Problem()
            : null;
        return refusal is null;
    }
}
