using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Matchmaker.Api.Infrastructure.Auth;

internal sealed record AuthOptions(string Issuer, string Audience, SymmetricSecurityKey? SigningKey, string? Authority, TimeSpan TokenLifetime)
{
    /// <summary>How long another instance may go on accepting a token after its account changed (<c>Auth:RevocationSeconds</c>).</summary>
    public TimeSpan RevocationWindow { get; init; } = TimeSpan.FromSeconds(5);

    public const string SigningKeySetting = "Auth:SigningKey";
    private const int MinKeyBytes = 32;

    public bool IssuesTokens => SigningKey is not null;

    /// <summary>
    /// Outside Development a missing key is a configuration error: tokens signed with a key that
    /// changes on every start would log everyone out and differ between instances.
    /// </summary>
    public static AuthOptions From(IConfiguration configuration, IHostEnvironment environment, string? dataDirectory)
    {
        var issuer = configuration["Auth:Issuer"] is { Length: > 0 } i ? i : "matchmaker";
        var audience = configuration["Auth:Audience"] is { Length: > 0 } a ? a : "matchmaker-api";
        var authority = configuration["Auth:Authority"] is { Length: > 0 } au ? au : null;
        var lifetime = TimeSpan.FromMinutes(configuration.GetValue("Auth:TokenLifetimeMinutes", 60));

        var configured = configuration[SigningKeySetting];
        byte[]? keyBytes = null;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            keyBytes = Encoding.UTF8.GetBytes(configured);
            if (keyBytes.Length < MinKeyBytes)
                throw new InvalidOperationException(
                    $"{SigningKeySetting} must be at least {MinKeyBytes} bytes long (it signs HMAC-SHA256 tokens).");
        }
        else if (authority is null)
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException(
                    $"{SigningKeySetting} is not set. Set it (at least {MinKeyBytes} characters, e.g. the environment variable Auth__SigningKey) or set Auth:Authority to use an external issuer.");
            keyBytes = DevelopmentKey(dataDirectory ?? Path.Combine(environment.ContentRootPath, "data"));
        }

        var key = keyBytes is null ? null : new SymmetricSecurityKey(keyBytes);
        return new AuthOptions(issuer, audience, key, authority, lifetime)
        {
            RevocationWindow = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Auth:RevocationSeconds", 5))),
        };
    }

    private static byte[] DevelopmentKey(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "signing.key");
        if (File.Exists(path))
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        var bytes = RandomNumberGenerator.GetBytes(64);
        File.WriteAllText(path, Convert.ToBase64String(bytes));
        return bytes;
    }
}
