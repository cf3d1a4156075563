using System.Security.Claims;
using Matchmaker.Api.Features.Matching.Deals;

namespace Matchmaker.Api.Features.Matching;

internal static class MatchAccess
{
    /// <summary>The side the caller acts for: the SME that posted the need or the partner; null for anyone else.</summary>
    public static string? SideOf(ClaimsPrincipal caller, MatchRow match)
    {
        var id = caller.PublicId();
        if (id is null)
            return null;
        if (id == match.SmeOwnerId && caller.IsInRole(AppRoles.Sme))
            return MatchSide.Sme;
        if (id == match.PartnerOwnerId && caller.IsInRole(AppRoles.Partner))
            return MatchSide.Partner;
        return null;
    }

    /// <summary>The two parties, agency and admin; anyone else must not learn the match exists.</summary>
    public static bool MayRead(ClaimsPrincipal caller, MatchRow match) => SideOf(caller, match) is not null || caller.IsOversight();

    /// <summary>Contacts are exchanged once the match has been mutual, and stay visible after a later decline.</summary>
    public static bool SeesContacts(ClaimsPrincipal caller, MatchRow match) => match.MutualAt is not null && MayRead(caller, match);
}
