using System.Threading.RateLimiting;

namespace Matchmaker.Api.Infrastructure.Auth;

/// <summary>
/// Per IP and e-mail fixed-window limit for the token endpoint. It lives in the handler rather
/// than in the rate-limiting middleware because the e-mail is in the body, which a partition
/// function cannot read.
/// </summary>
internal sealed class TokenRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public TokenRateLimiter(IConfiguration configuration)
    {
        var permits = configuration.GetValue("Auth:TokenRateLimit:PermitLimit", 10);
        var window = TimeSpan.FromSeconds(configuration.GetValue("Auth:TokenRateLimit:WindowSeconds", 60));
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <returns>null when the attempt may proceed, else the time to wait.</returns>
    public TimeSpan? TryAcquire(string? ip, string email)
    {
        using var lease = limiter.AttemptAcquire($"{ip}|{email.Trim().ToUpperInvariant()}");
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
    }

    public void Dispose() => limiter.Dispose();
}
