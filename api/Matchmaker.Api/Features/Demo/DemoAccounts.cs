using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

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

    /// <summary>The hash of a random password that is never kept: an account with it exists but nobody can sign in to it.</summary>
    public static string UnknownPasswordHash() =>
        new PasswordHasher<string>().HashPassword("", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
}
