namespace Matchmaker.Api.Features.Notifications.Email;

/// <summary>
/// When a refused or failed e-mail is tried again: after each delay of <c>Email:RetrySeconds</c> in turn
/// (by default 10 s, 30 s, 1, 2 and 5 minutes), then every last delay, for <see cref="EmailOptions.RetryFor"/>.
/// </summary>
internal static class EmailRetry
{
    public static readonly TimeSpan[] DefaultDelays = [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5)];

    /// <param name="attempts">Attempts made so far, the failed one included.</param>
    public static TimeSpan After(IReadOnlyList<TimeSpan> delays, int attempts) => delays[Math.Clamp(attempts - 1, 0, delays.Count - 1)];
}
