using System.Security.Claims;
using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Matching;

internal static class MatchAccess
{
    /// <summary>
    /// The side the caller acts for: the SME that posted the need or the partner, while both profiles are listed
    /// (<see cref="Vetting"/>: a deal whose other side went back to the agencies' queue waits, unseen, in its state); null for anyone else.
    /// </summary>
    public static string? SideOf(ClaimsPrincipal caller, MatchRow match, Vetting vetting)
    {
        var id = caller.PublicId();
        if (id is null || !vetting.Lists(match.SmeVerification) || !vetting.Lists(match.PartnerVerification))
            return null;
        if (id == match.SmeOwnerId && caller.IsInRole(AppRoles.Sme))
            return MatchSide.Sme;
        if (id == match.PartnerOwnerId && caller.IsInRole(AppRoles.Partner))
            return MatchSide.Partner;
        return null;
    }

    /// <summary>The two parties, agency and admin; anyone else must not learn the match exists.</summary>
    public static bool MayRead(ClaimsPrincipal caller, MatchRow match, Vetting vetting) => SideOf(caller, match, vetting) is not null || caller.IsOversight();

    /// <summary>Contacts are exchanged once the match has been mutual, and stay visible after a later decline.</summary>
    public static bool SeesContacts(ClaimsPrincipal caller, MatchRow match, Vetting vetting) => match.MutualAt is not null && MayRead(caller, match, vetting);
}
