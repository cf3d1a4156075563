namespace Matchmaker.Api.Features.Demo;

internal sealed record DemoLogin(string Email, string Password, string Role);

/// <summary>The accounts a developer signs in with on the demo data set. Development only: the passwords are public.</summary>
internal static class DemoAccounts
{
    public const string Domain = "demo.matchmaker.local";

    public static readonly DemoLogin Sme = new($"sme@{Domain}", "demo-sme-password", AppRoles.Sme);
    public static readonly DemoLogin Partner = new($"partner@{Domain}", "demo-partner-password", AppRoles.Partner);
    public static readonly DemoLogin Agency = new($"agency@{Domain}", "demo-agency-password", AppRoles.Agency);

    public static IReadOnlyList<DemoLogin> All { get; } = [Sme, Partner, Agency];
}
