using System.Globalization;

namespace Matchmaker.Api.Features.Auth;

/// <summary>
/// How long mailed account tokens live (<c>Auth:VerifyTokenLifetime</c>, <c>Auth:ResetTokenLifetime</c>) and where
/// their links point (<c>App:PublicUrl</c>, the web front end; unset: the scheme and host of the request that caused the mail).
/// </summary>
internal sealed record AccountTokenOptions(TimeSpan VerifyTokenLifetime, TimeSpan ResetTokenLifetime, Uri? PublicUrl)
{
    public const string VerifyTokenLifetimeKey = "Auth:VerifyTokenLifetime";
    public const string ResetTokenLifetimeKey = "Auth:ResetTokenLifetime";
    public const string PublicUrlKey = "App:PublicUrl";

    public static readonly AccountTokenOptions Defaults = new(TimeSpan.FromDays(7), TimeSpan.FromHours(1), null);

    public static AccountTokenOptions From(IConfiguration configuration)
    {
        Uri? publicUrl = null;
        if (configuration[PublicUrlKey] is { Length: > 0 } url
            && (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out publicUrl) || publicUrl.Scheme is not ("https" or "http") || publicUrl.Query.Length > 0))
            throw new InvalidOperationException($"{PublicUrlKey} must be an absolute http(s) URL without a query, such as https://matchmaker.example.org, not '{url}'.");
        return new AccountTokenOptions(
            Lifetime(configuration, VerifyTokenLifetimeKey, Defaults.VerifyTokenLifetime),
            Lifetime(configuration, ResetTokenLifetimeKey, Defaults.ResetTokenLifetime),
            publicUrl);
    }

    public TimeSpan LifetimeOf(string purpose) => purpose == AccountTokens.Purposes.PasswordReset ? ResetTokenLifetime : VerifyTokenLifetime;

    /// <summary>Where the links of a mail caused by <paramref name="request"/> start, without a trailing slash.</summary>
    public string LinkBase(HttpRequest request) =>
        (PublicUrl?.ToString() ?? $"{request.Scheme}://{request.Host}").TrimEnd('/');

    private static TimeSpan Lifetime(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        return TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw new InvalidOperationException($"{key} must be a time span greater than 0 such as 7.00:00:00 (days.hours:minutes:seconds); got '{text}'.");
    }
}
