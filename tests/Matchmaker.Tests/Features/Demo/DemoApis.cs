namespace Matchmaker.Tests.Features.Demo;

/// <summary>The app with <c>Seed:Demo=true</c>: a fresh database that the demo data set is loaded into at start-up.</summary>
public sealed class DemoSqliteApi : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => DemoSeeded.Settings;
}

/// <summary>The demo data set, re-scored on the given number of threads.</summary>
public sealed class DemoSqliteApiScoringOn(int threads) : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Seed:Demo"] = "true",
        ["Jobs:ScoringThreads"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class DemoSqlServerApi : SqlServerApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => DemoSeeded.Settings;
}

/// <summary>Starts with <c>Seed:Demo=false</c>; set <see cref="Demo"/> and restart to turn the demo data set on.</summary>
public sealed class SwitchableDemoSqliteApi : SqliteApi
{
    public bool Demo { get; set; }

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Seed:Demo"] = Demo ? "true" : "false" };
}

internal static class DemoSeeded
{
    public static IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:Demo"] = "true" };
}
