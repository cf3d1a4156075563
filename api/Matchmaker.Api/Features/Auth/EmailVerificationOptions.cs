namespace Matchmaker.Api.Features.Auth;

/// <summary>
/// <c>Auth:RequireVerifiedEmail</c>: whether what needs a verified address (an agency verifying a profile)
/// waits for its owner's e-mail to be verified. Default: on exactly when e-mail is (<c>Email:SmtpHost</c> set),
/// since without mail no address can be verified.
/// </summary>
internal sealed record EmailVerificationOptions(bool RequireVerifiedEmail)
{
    public const string RequireVerifiedEmailKey = "Auth:RequireVerifiedEmail";

    public static EmailVerificationOptions From(IConfiguration configuration)
    {
        var text = configuration[RequireVerifiedEmailKey];
        if (string.IsNullOrWhiteSpace(text))
            return new EmailVerificationOptions(!string.IsNullOrWhiteSpace(configuration["Email:SmtpHost"]));
        return bool.TryParse(text.Trim(), out var require)
            ? new EmailVerificationOptions(require)
            : throw new InvalidOperationException($"{RequireVerifiedEmailKey} must be true or false, not '{text}'.");
    }
}
