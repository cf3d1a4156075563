using System.Security.Claims;

namespace Matchmaker.Api.Infrastructure.Auth;

internal static class CallerClaims
{
    public const string Subject = "sub";
    public const string RoleType = "role";
    public const string Email = "email";
    public const string SecurityStamp = "stamp";

    /// <summary>Added on each request, not issued: the verification status of the caller's SME or partner profile, absent without one.</summary>
    public const string ProfileVerificationType = "profile_verification";

    public static Guid? PublicId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(Subject)?.Value, out var id) ? id : null;

    public static string? Role(this ClaimsPrincipal user) => user.FindFirst(RoleType)?.Value;

    public static string? ProfileVerification(this ClaimsPrincipal user) => user.FindFirst(ProfileVerificationType)?.Value;

    public static bool IsAny(this ClaimsPrincipal user, params string[] roles) =>
        roles.Any(user.IsInRole);

    public static bool IsOversight(this ClaimsPrincipal user) => user.IsAny(AppRoles.Agency, AppRoles.Admin);
}
