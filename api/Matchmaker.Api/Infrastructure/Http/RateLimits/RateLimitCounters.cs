using System.Threading.RateLimiting;

namespace Matchmaker.Api.Infrastructure.Http.RateLimits;

/// <summary>
/// The counters of every policy, each partition a <see cref="KnownEndWindow"/>. Both the rate-limiting
/// middleware and the sign-in handler (whose partition holds the e-mail from the body) count here, so
/// the settings and the headers have one definition.
/// </summary>
internal sealed class RateLimitCounters : IDisposable
{
    private readonly Dictionary<string, PartitionedRateLimiter<string>> limiters;

    public RateLimitCounters(RateLimitPolicies policies)
    {
        limiters = policies.All.Where(p => p.IsOn).ToDictionary(p => p.Name,
            p => PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.Get(key, _ => new KnownEndWindow(p))),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Counts the request against <paramref name="policy"/> in <paramref name="partition"/> and writes the
    /// headers (and Retry-After when refused); null when the policy is off.
    /// </summary>
    public RateLimitLease? Acquire(HttpContext context, string policy, string partition)
    {
        if (!limiters.TryGetValue(policy, out var limiter))
            return null;
        var lease = limiter.AttemptAcquire(partition);
        if (lease.TryGetMetadata(KnownEndWindow.State, out var state) && state is not null)
            RateLimitHeaders.Write(context.Response, state);
        return lease;
    }

    /// <summary>Seconds to wait after a refused lease.</summary>
    public static int RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;

    /// <summary>The client as the rate limits see it: its IP address, taken from X-Forwarded-For only behind a known proxy (<see cref="ClientAddress"/>).</summary>
    public static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public void Dispose()
    {
        foreach (var limiter in limiters.Values)
            limiter.Dispose();
    }
}
