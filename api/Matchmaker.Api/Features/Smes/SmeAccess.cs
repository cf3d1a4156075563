using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Matchmaker.Api.Features.Matching;
using Matchmaker.Api.Features.Partners;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Smes;

/// <summary>SME profiles under <see cref="ProfileAccess"/>: partners are the other side.</summary>
internal static class SmeAccess
{
    public static ProfileView ViewOf(ClaimsPrincipal caller, SmeRow sme, Vetting vetting) =>
        ProfileAccess.ViewOf(caller, sme.OwnerId, sme.Verification, AppRoles.Partner, vetting);

    public static Task<ProfileView> ViewOfAsync(DbConnection connection, ClaimsPrincipal caller, SmeRow sme, Vetting vetting, CancellationToken ct) =>
        ProfileAccess.ViewOfAsync(caller, sme.OwnerId, sme.Verification, AppRoles.Partner, vetting, async partnerOwner =>
            (await PartnerStore.OfOwnerAsync(connection, partnerOwner, ct))?.ProfileId is { } partnerId && await MatchStore.MutualAsync(connection, sme.Id, partnerId, ct));

    public static bool MayChange(ClaimsPrincipal caller, [NotNullWhen(true)] SmeRow? sme, Vetting vetting, [NotNullWhen(false)] out IResult? refusal) =>
        ProfileAccess.MayChange(caller, sme?.OwnerId, sme?.Verification ?? "", AppRoles.Partner, vetting, "SmeProfile", "Sme", out refusal);

    /// <summary>Only the SME itself posts needs on its profile; not even an admin posts on its behalf.</summary>
    public static bool MayPostNeeds(ClaimsPrincipal caller, SmeRow sme) => sme.OwnerId == caller.PublicId();
}
