using System.Security.Claims;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Partners;

internal static class PartnerAccess
{
    private const string MutualWithSmeSql = """
        SELECT CASE WHEN EXISTS (
            SELECT 1 FROM matches m
            JOIN needs n ON n.id = m.need_id
            JOIN smes s ON s.id = n.sme_id
            JOIN users u ON u.id = s.owner_user_id
            WHERE m.partner_id = @PartnerId AND u.public_id = @CallerId AND m.mutual_at IS NOT NULL
        ) THEN 1 ELSE 0 END
        """;

    /// <summary>Owner, agency and admin see everything; SMEs see the public view; other partners see nothing.</summary>
    public static ProfileView ViewOf(ClaimsPrincipal caller, PartnerRow partner)
    {
        if (caller.IsOversight() || partner.OwnerId == caller.PublicId())
            return ProfileView.Full;
        return caller.IsInRole(AppRoles.Sme) ? ProfileView.Public : ProfileView.Hidden;
    }

    /// <summary>As <see cref="ViewOf"/>, except that an SME with a need whose match with this partner has been mutual sees the full profile.</summary>
    public static async Task<ProfileView> ViewOfAsync(DbConnection connection, ClaimsPrincipal caller, PartnerRow partner, CancellationToken ct)
    {
        var view = ViewOf(caller, partner);
        if (view != ProfileView.Public || caller.PublicId() is not { } callerId)
            return view;
        var mutual = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(MutualWithSmeSql, new { PartnerId = partner.Id, CallerId = callerId }, cancellationToken: ct));
        return mutual ? ProfileView.Full : view;
    }

    public static bool MayEdit(ClaimsPrincipal caller, PartnerRow partner) =>
        caller.IsInRole(AppRoles.Admin) || partner.OwnerId == caller.PublicId();

    /// <summary>The partner itself, agency and admin; SMEs see the profile but not its other matches.</summary>
    public static bool MayListMatches(ClaimsPrincipal caller, PartnerRow partner) =>
        partner.OwnerId == caller.PublicId() || caller.IsOversight();
}
