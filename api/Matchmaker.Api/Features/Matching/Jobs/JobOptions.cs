namespace Matchmaker.Api.Features.Matching.Jobs;

/// <summary>The <c>Jobs</c> configuration section.</summary>
internal sealed record JobOptions(
    TimeSpan Poll,
    TimeSpan Stale,
    int BatchSize,
    int MaxAttempts,
    TimeSpan Heartbeat,
    TimeSpan BatchPause,
    int ScoringThreads)
{
    public static JobOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Jobs");
        var stale = TimeSpan.FromSeconds(Positive(section, "StaleSeconds", 60));
        return new JobOptions(
            Poll: TimeSpan.FromSeconds(Positive(section, "PollSeconds", 5)),
            Stale: stale,
            BatchSize: (int)Positive(section, "BatchSize", 200),
            MaxAttempts: (int)Positive(section, "MaxAttempts", 3),
            // Well inside the stale limit, so a live run is never taken for a dead one.
            Heartbeat: TimeSpan.FromSeconds(Math.Min(Positive(section, "HeartbeatSeconds", 10), stale.TotalSeconds / 3)),
            BatchPause: TimeSpan.FromMilliseconds(Math.Max(0, section.GetValue("BatchPauseMilliseconds", 0.0))),
            ScoringThreads: (int)Positive(section, "ScoringThreads", Environment.ProcessorCount));
    }

    private static double Positive(IConfigurationSection section, string key, double fallback)
    {
        var value = section.GetValue(key, fallback);
        return value > 0 ? value : throw new InvalidOperationException($"Jobs:{key} must be greater than 0, not {value}.");
    }
}
