namespace Matchmaker.Tests.Harness;

/// <summary>
/// The app's clock in tests: the system's, moved on by <see cref="Advance"/>. Time keeps running, so
/// timers and timeouts behave; only what the app reads as "now" jumps.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
