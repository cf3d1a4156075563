using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace Matchmaker.Api.Features.Shared;

/// <summary>
/// Who sees and changes an SME or partner profile: the same rule for both sides of the programme,
/// with <c>otherSide</c> the role that looks for such profiles (partners look for SMEs and back).
/// </summary>
internal static class ProfileAccess
{
    /// <summary>Owner, agency and admin see everything; the other side sees the public view; the profile's own side sees nothing.</summary>
    public static ProfileView ViewOf(ClaimsPrincipal caller, Guid ownerId, string otherSide)
    {
        if (caller.IsOversight() || ownerId == caller.PublicId())
            return ProfileView.Full;
        return caller.IsInRole(otherSide) ? ProfileView.Public : ProfileView.Hidden;
    }

    /// <summary>As <see cref="ViewOf"/>, except that the other side sees the full profile once a match between the two has been mutual.</summary>
    public static async Task<ProfileView> ViewOfAsync(ClaimsPrincipal caller, Guid ownerId, string otherSide, Func<Guid, Task<bool>> mutualWith)
    {
        var view = ViewOf(caller, ownerId, otherSide);
        if (view != ProfileView.Public || caller.PublicId() is not { } callerId)
            return view;
        return await mutualWith(callerId) ? ProfileView.Full : view;
    }

    /// <summary>Whether the caller may change the profile; if not, the answer: 404 when it may not know the profile exists, else 403.</summary>
    public static bool MayChange(ClaimsPrincipal caller, Guid? ownerId, string otherSide, string profile, string owner, [NotNullWhen(false)] out IResult? refusal)
    {
        refusal = ownerId is not { } id || ViewOf(caller, id, otherSide) == ProfileView.Hidden ? Problems.NotFound(profile)
            : !MayEdit(caller, id) ? Problems.Forbidden(Messages.Get($"Profile.Forbidden.{owner}"))
            : null;
        return refusal is null;
    }

    private static bool MayEdit(ClaimsPrincipal caller, Guid ownerId) =>
        caller.IsInRole(AppRoles.Admin) || ownerId == caller.PublicId();

    /// <summary>The owner, agency and admin; the other side sees the profile but not its other matches.</summary>
    public static bool MayListMatches(ClaimsPrincipal caller, Guid ownerId) =>
        ownerId == caller.PublicId() || caller.IsOversight();
}
