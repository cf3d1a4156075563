using Matchmaker.Api.Features.Notifications.Email;

namespace Matchmaker.Api.Features.Auth;

/// <summary>
/// Says at start-up, outside Development, when mailed verification and reset links would take their host from the
/// request (<c>App:PublicUrl</c> unset) while any host is accepted (<c>AllowedHosts</c> <c>*</c>): anyone could then
/// ask for a reset with a forged <c>Host</c> and have the owner mailed a link to a site of their choosing.
/// </summary>
internal sealed class AccountLinkHostCheck(EmailOptions email, AccountTokenOptions tokens, IConfiguration configuration, IHostEnvironment environment,
    ILogger<AccountLinkHostCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Warning(email.Enabled, tokens.PublicUrl is not null, configuration["AllowedHosts"], environment.IsDevelopment()) is { } warning)
            logger.LogWarning("{Warning}", warning);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The warning to give, or null when links cannot be pointed elsewhere (or nothing is mailed, or this is Development).</summary>
    public static string? Warning(bool mailing, bool hasPublicUrl, string? allowedHosts, bool development) =>
        mailing && !hasPublicUrl && !development && (string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Split(';').Any(h => h.Trim() == "*"))
            ? $"{AccountTokenOptions.PublicUrlKey} is not set and AllowedHosts accepts any host: e-mail verification and password reset links take the host "
              + $"of the request that caused them, which a caller can forge. Set {AccountTokenOptions.PublicUrlKey} to the web front end's address, or list the API's hosts in AllowedHosts."
            : null;
}
