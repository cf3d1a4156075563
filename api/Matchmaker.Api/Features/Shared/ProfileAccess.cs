using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Shared;

/// <summary>
/// Who sees and changes an SME or partner profile: the same rule for both sides of the programme,
/// with <c>otherSide</c> the role that looks for such profiles (partners look for SMEs and back).
/// Under <see cref="Vetting"/> the other side sees a profile only while both its own and this one are listed.
/// </summary>
internal static class ProfileAccess
{
    /// <summary>Owner, agency and admin see everything; the other side sees the public view of a listed profile; the profile's own side sees nothing.</summary>
    public static ProfileView ViewOf(ClaimsPrincipal caller, Guid ownerId, string verification, string otherSide, Vetting vetting)
    {
        if (caller.IsOversight() || ownerId == caller.PublicId())
            return ProfileView.Full;
        return caller.IsInRole(otherSide) && vetting.Lists(verification) && vetting.MayBrowse(caller) ? ProfileView.Public : ProfileView.Hidden;
    }

    /// <summary>As <see cref="ViewOf"/>, except that the other side sees the full profile once a match between the two has been mutual.</summary>
    public static async Task<ProfileView> ViewOfAsync(ClaimsPrincipal caller, Guid ownerId, string verification, string otherSide, Vetting vetting, Func<Guid, Task<bool>> mutualWith)
    {
        var view = ViewOf(caller, ownerId, verification, otherSide, vetting);
        if (view != ProfileView.Public || caller.PublicId() is not { } callerId)
            return view;
        return await mutualWith(callerId) ? ProfileView.Full : view;
    }

    /// <summary>Whether the caller may change the profile; if not, the answer: 404 when it may not know the profile exists, else 403.</summary>
    public static bool MayChange(ClaimsPrincipal caller, Guid? ownerId, string verification, string otherSide, Vetting vetting, string profile, string owner, [NotNullWhen(false)] out IResult? refusal)
    {
        refusal = ownerId is not { } id || ViewOf(caller, id, verification, otherSide, vetting) == ProfileView.Hidden ? Problems.NotFound(profile)
            : !MayEdit(caller, id) ? Problems.Forbidden(Messages.Get($"Profile.Forbidden.{owner}"))
            : null;
        return refusal is null;
    }

    private static bool MayEdit(ClaimsPrincipal caller, Guid ownerId) =>
        caller.IsInRole(AppRoles.Admin) || ownerId == caller.PublicId();

    /// <summary>
    /// The owner, agency and admin; the other side sees the profile but not its other matches (403). The owner's
    /// list waits for its profile to be listed (403, verification pending).
    /// </summary>
    public static bool MayListMatches(ClaimsPrincipal caller, Guid ownerId, string verification, Vetting vetting, string forbiddenKey, [NotNullWhen(false)] out IResult? refusal)
    {
        refusal = caller.IsOversight() ? null
            : ownerId != caller.PublicId() ? Problems.Forbidden(Messages.Get(forbiddenKey))
            : !vetting.Lists(verification) ? VerificationPending.Problem()
            : null;
        return refusal is null;
    }
}
