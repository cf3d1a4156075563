using Matchmaker.Api.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace Matchmaker.Tests.Features.Auth;

/// <summary>
/// Sign-in must cost the same whatever the account's state, so its answer time tells nothing. Timing is
/// too noisy to test; what makes the time is the one PBKDF2 check, so the test counts those checks and
/// the work each hash asks for.
/// </summary>
public sealed class SignInWorkTests
{
    private const string Password = "correct-horse-battery";
    private static readonly PasswordHasher<string> Real = new();

    private static UserRow Account(bool active) => new()
    {
        Email = "owner@alatoo.kg",
        PasswordHash = Real.HashPassword("owner@alatoo.kg", Password),
        Role = "sme",
        IsActive = active,
    };

    public static TheoryData<string, bool> Cases => new()
    {
        { "unknown e-mail", false },
        { "wrong password", false },
        { "deactivated account", false },
        { "right password", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_sign_in_checks_one_password_hash_of_the_same_cost(string attempt, bool opens)
    {
        var hasher = new CountingHasher();
        var (user, password) = attempt switch
        {
            "unknown e-mail" => ((UserRow?)null, Password),
            "wrong password" => (Account(active: true), "a-wrong-password-here"),
            "deactivated account" => (Account(active: false), Password),
            _ => (Account(active: true), Password),
        };

        Assert.Equal(opens, UserAccounts.SignsIn(user, password, hasher));

        var hash = Assert.Single(hasher.Checked);
        Assert.Equal(Cost(Account(active: true).PasswordHash), Cost(hash));
    }

    /// <summary>The format marker and PBKDF2 iteration count of an Identity v3 hash: what decides how long a check takes.</summary>
    private static (byte Format, uint Iterations) Cost(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        return (bytes[0], (uint)(bytes[5] << 24 | bytes[6] << 16 | bytes[7] << 8 | bytes[8]));
    }

    private sealed class CountingHasher : IPasswordHasher<string>
    {
        public List<string> Checked { get; } = [];

        public string HashPassword(string user, string password) => Real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(string user, string hashedPassword, string providedPassword)
        {
            Checked.Add(hashedPassword);
            return Real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
