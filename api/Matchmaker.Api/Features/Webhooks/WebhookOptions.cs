namespace Matchmaker.Api.Features.Webhooks;

/// <summary>
/// The <c>Webhooks</c> configuration section: <c>AllowPrivateNetworks</c> lifts both the https and the
/// public-address rules of subscription URLs (at subscription and at every delivery); <c>RetrySeconds</c>,
/// <c>TimeoutSeconds</c> and <c>PollSeconds</c> shape delivery.
/// </summary>
internal sealed record WebhookOptions(bool AllowPrivateNetworks, IReadOnlyList<TimeSpan> RetryDelays, TimeSpan Timeout, TimeSpan Poll)
{
    public static readonly TimeSpan[] DefaultRetryDelays =
        [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];

    /// <summary>After the listed delays, attempts go on this often until <see cref="RetryFor"/> after the first.</summary>
    public static readonly TimeSpan LaterDelay = TimeSpan.FromHours(6);

    public static readonly TimeSpan RetryFor = TimeSpan.FromHours(24);

    public static WebhookOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Webhooks");
        var retry = section.GetSection("RetrySeconds").Get<double[]>() is { Length: > 0 } seconds ? seconds : null;
        if (retry is not null && retry.Any(s => s <= 0))
            throw new InvalidOperationException($"Webhooks:RetrySeconds must list delays greater than 0 seconds, not [{string.Join(", ", retry)}].");
        var timeout = section.GetValue("TimeoutSeconds", 10.0);
        if (timeout <= 0)
            throw new InvalidOperationException($"Webhooks:TimeoutSeconds must be greater than 0, not {timeout}.");
        var poll = section.GetValue("PollSeconds", 5.0);
        if (poll <= 0)
            throw new InvalidOperationException($"Webhooks:PollSeconds must be greater than 0, not {poll}.");
        return new WebhookOptions(section.GetValue("AllowPrivateNetworks", false),
            retry?.Select(TimeSpan.FromSeconds).ToArray() ?? DefaultRetryDelays, TimeSpan.FromSeconds(timeout), TimeSpan.FromSeconds(poll));
    }

    /// <summary>
    /// When a delivery that failed its <paramref name="attempts"/>-th attempt is tried again: after each listed delay
    /// in turn, then every <see cref="LaterDelay"/>; null once that would be more than <see cref="RetryFor"/> after the first attempt.
    /// </summary>
    public DateTime? NextAttempt(int attempts, DateTime firstAttemptAt, DateTime now)
    {
        var next = now + (attempts <= RetryDelays.Count ? RetryDelays[attempts - 1] : LaterDelay);
        return next - firstAttemptAt > RetryFor ? null : next;
    }
}
