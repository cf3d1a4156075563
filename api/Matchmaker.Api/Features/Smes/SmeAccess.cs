using System.Security.Claims;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Smes;

internal static class SmeAccess
{
    private const string MutualWithPartnerSql = """
        SELECT CASE WHEN EXISTS (
            SELECT 1 FROM matches m
            JOIN needs n ON n.id = m.need_id
            JOIN partners p ON p.id = m.partner_id
            JOIN users u ON u.id = p.owner_user_id
            WHERE n.sme_id = @SmeId AND u.public_id = @CallerId AND m.mutual_at IS NOT NULL
        ) THEN 1 ELSE 0 END
        """;

    /// <summary>Owner, agency and admin see everything; partners see the public view; other SMEs see nothing.</summary>
    public static ProfileView ViewOf(ClaimsPrincipal caller, SmeRow sme)
    {
        if (caller.IsOversight() || sme.OwnerId == caller.PublicId())
            return ProfileView.Full;
        return caller.IsInRole(AppRoles.Partner) ? ProfileView.Public : ProfileView.Hidden;
    }

    /// <summary>As <see cref="ViewOf"/>, except that a partner whose match with one of the SME's needs has been mutual sees the full profile.</summary>
    public static async Task<ProfileView> ViewOfAsync(DbConnection connection, ClaimsPrincipal caller, SmeRow sme, CancellationToken ct)
    {
        var view = ViewOf(caller, sme);
        if (view != ProfileView.Public || caller.PublicId() is not { } callerId)
            return view;
        var mutual = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(MutualWithPartnerSql, new { SmeId = sme.Id, CallerId = callerId }, cancellationToken: ct));
        return mutual ? ProfileView.Full : view;
    }

    public static bool MayEdit(ClaimsPrincipal caller, SmeRow sme) =>
        caller.IsInRole(AppRoles.Admin) || sme.OwnerId == caller.PublicId();

    /// <summary>Only the SME itself posts needs on its profile; not even an admin posts on its behalf.</summary>
    public static bool MayPostNeeds(ClaimsPrincipal caller, SmeRow sme) => sme.OwnerId == caller.PublicId();
}
