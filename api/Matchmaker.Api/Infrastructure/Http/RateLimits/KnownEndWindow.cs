using System.Diagnostics;
using System.Threading.RateLimiting;

namespace Matchmaker.Api.Infrastructure.Http.RateLimits;

/// <summary>What one request learned from a policy: whether it got a permit, how many are left and when the window ends.</summary>
internal sealed record RateLimitState(RateLimitPolicy Policy, bool Acquired, int Remaining, int ResetSeconds);

/// <summary>
/// The built-in <see cref="FixedWindowRateLimiter"/>, which does not say when its window ends. With
/// auto-replenishment it refills from a timer started with it, every window, so the window ends at
/// its creation plus a whole number of windows; this wrapper keeps that instant to tell clients.
/// </summary>
internal sealed class KnownEndWindow(RateLimitPolicy policy) : RateLimiter
{
    public static readonly MetadataName<RateLimitState> State = MetadataName.Create<RateLimitState>("RateLimitState");

    private readonly FixedWindowRateLimiter window = new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = policy.PermitLimit,
        Window = policy.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    private readonly long started = Stopwatch.GetTimestamp();
    private readonly Lock gate = new();

    public override TimeSpan? IdleDuration => window.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => window.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            var lease = window.AttemptAcquire(permitCount);
            var remaining = (int)(window.GetStatistics()?.CurrentAvailablePermits ?? 0);
            return new StateLease(lease, new RateLimitState(policy, lease.IsAcquired, remaining, SecondsToEnd()));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            window.Dispose();
        base.Dispose(disposing);
    }

    private int SecondsToEnd()
    {
        var length = policy.Window.Ticks;
        var intoWindow = Stopwatch.GetElapsedTime(started).Ticks % length;
        return Math.Max(1, (int)Math.Ceiling(TimeSpan.FromTicks(length - intoWindow).TotalSeconds));
    }

    private sealed class StateLease(RateLimitLease inner, RateLimitState state) : RateLimitLease
    {
        public override bool IsAcquired => inner.IsAcquired;

        public override IEnumerable<string> MetadataNames => [State.Name, MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == State.Name ? state
                : metadataName == MetadataName.RetryAfter.Name && !state.Acquired ? TimeSpan.FromSeconds(state.ResetSeconds)
                : null;
            return metadata is not null;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
