namespace Matchmaker.Tests.Features.Demo;

/// <summary>The app with <c>Seed:Demo=true</c>: a fresh database that the demo data set is loaded into at start-up.</summary>
public sealed class DemoSqliteApi : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => DemoSeeded.Settings;

    protected override string HostEnvironment => DemoSeeded.Environment;
}

/// <summary>The demo data set, re-scored on the given number of threads.</summary>
public sealed class DemoSqliteApiScoringOn(int threads) : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Seed:Demo"] = "true",
        ["Jobs:ScoringThreads"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override string HostEnvironment => DemoSeeded.Environment;
}

public sealed class DemoSqlServerApi : SqlServerApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => DemoSeeded.Settings;

    protected override string HostEnvironment => DemoSeeded.Environment;
}

/// <summary>Starts with <c>Seed:Demo=false</c>; set <see cref="Demo"/> and restart to turn the demo data set on.</summary>
public sealed class SwitchableDemoSqliteApi : SqliteApi
{
    public bool Demo { get; set; }

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Seed:Demo"] = Demo ? "true" : "false" };

    protected override string HostEnvironment => DemoSeeded.Environment;
}

internal static class DemoSeeded
{
    /// <summary>The only environment that may load the demo data set.</summary>
    public const string Environment = "Development";

    public static IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:Demo"] = "true" };
}
