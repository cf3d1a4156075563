using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Matchmaker.Api.Features.Matching;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Smes;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Partners;

/// <summary>Partner profiles under <see cref="ProfileAccess"/>: SMEs are the other side.</summary>
internal static class PartnerAccess
{
    public static ProfileView ViewOf(ClaimsPrincipal caller, PartnerRow partner, Vetting vetting) =>
        ProfileAccess.ViewOf(caller, partner.OwnerId, partner.Verification, AppRoles.Sme, vetting);

    public static Task<ProfileView> ViewOfAsync(DbConnection connection, ClaimsPrincipal caller, PartnerRow partner, Vetting vetting, CancellationToken ct) =>
        ProfileAccess.ViewOfAsync(caller, partner.OwnerId, partner.Verification, AppRoles.Sme, vetting, async smeOwner =>
            (await SmeStore.OfOwnerAsync(connection, smeOwner, ct))?.ProfileId is { } smeId && await MatchStore.MutualAsync(connection, smeId, partner.Id, ct));

    public static bool MayChange(ClaimsPrincipal caller, [NotNullWhen(true)] PartnerRow? partner, Vetting vetting, [NotNullWhen(false)] out IResult? refusal) =>
        ProfileAccess.MayChange(caller, partner?.OwnerId, partner?.Verification ?? "", AppRoles.Sme, vetting, "PartnerProfile", "Partner", out refusal);

    public static bool MayListMatches(ClaimsPrincipal caller, PartnerRow partner, Vetting vetting, [NotNullWhen(false)] out IResult? refusal) =>
        ProfileAccess.MayListMatches(caller, partner.OwnerId, partner.Verification, vetting, "Match.ListPartnerForbidden", out refusal);
}
