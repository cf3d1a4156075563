namespace Matchmaker.Api.Infrastructure.Auth;

public static class AppRoles
{
    public const string Sme = "sme";
    public const string Partner = "partner";
    public const string Agency = "agency";
    public const string Admin = "admin";

    public static readonly string[] All = [Sme, Partner, Agency, Admin];
    public static readonly string[] SelfRegistering = [Sme, Partner];
}
