namespace Matchmaker.Api.Features.Notifications.Email;

/// <summary>When a refused or failed e-mail is tried again: soon at first, then every five minutes, for <see cref="EmailOptions.RetryFor"/>.</summary>
internal static class EmailRetry
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)];
    private static readonly TimeSpan Ceiling = TimeSpan.FromMinutes(5);

    /// <param name="attempts">Attempts made so far, the failed one included.</param>
    public static TimeSpan After(int attempts) => attempts <= Backoff.Length ? Backoff[attempts - 1] : Ceiling;
}
