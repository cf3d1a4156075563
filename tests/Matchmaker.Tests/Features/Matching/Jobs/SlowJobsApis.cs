namespace Matchmaker.Tests.Features.Matching.Jobs;

/// <summary>Re-scores slowed to one need per batch with a pause, so tests can step in while a job runs.</summary>
public sealed class SlowJobsSqliteApi : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => SlowJobs.Settings;
}

public sealed class SlowJobsSqlServerApi : SqlServerApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => SlowJobs.Settings;
}

internal static class SlowJobs
{
    public static IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:BatchSize"] = "1",
        ["Jobs:BatchPauseMilliseconds"] = "250",
        ["Jobs:StaleSeconds"] = "1",
        ["Jobs:PollSeconds"] = "1",
    };
}
