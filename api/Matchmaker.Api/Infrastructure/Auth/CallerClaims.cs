using System.Security.Claims;

namespace Matchmaker.Api.Infrastructure.Auth;

internal static class CallerClaims
{
    public const string Subject = "sub";
    public const string RoleType = "role";
    public const string Email = "email";
    public const string SecurityStamp = "stamp";

    public static Guid? PublicId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(Subject)?.Value, out var id) ? id : null;

    public static string? Role(this ClaimsPrincipal user) => user.FindFirst(RoleType)?.Value;

    public static bool IsAny(this ClaimsPrincipal user, params string[] roles) =>
        roles.Any(user.IsInRole);

    public static bool IsOversight(this ClaimsPrincipal user) => user.IsAny(AppRoles.Agency, AppRoles.Admin);
}
