using System.Threading.RateLimiting;

namespace Matchmaker.Api.Infrastructure.Http.RateLimits;

/// <summary>
/// The rate-limiting middleware's global limiter: counts each request against the policies its
/// endpoint names (<see cref="RateLimited"/>) and writes their headers before the endpoint runs.
/// </summary>
internal sealed class EndpointRateLimiter(RateLimitCounters counters) : PartitionedRateLimiter<HttpContext>
{
    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        var policies = resource.GetEndpoint()?.Metadata.GetMetadata<RateLimited>()?.Policies ?? [];
        foreach (var policy in policies)
        {
            if (RateLimited.Partition(policy, resource) is not { } partition
                || counters.Acquire(resource, policy, partition) is not { } lease)
                continue;
            if (!lease.IsAcquired)
                return lease;
            lease.Dispose();
        }

        return Counted.Lease;
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    /// <summary>The answer for a request every policy let through (or that counted against none).</summary>
    private sealed class Counted : RateLimitLease
    {
        public static readonly Counted Lease = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
