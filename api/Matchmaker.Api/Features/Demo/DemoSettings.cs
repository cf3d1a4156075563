namespace Matchmaker.Api.Features.Demo;

/// <summary><c>Seed:Demo</c>: load the demo data set into an empty database; on by default only in Development, when no synthetic world is asked for.</summary>
internal static class DemoSettings
{
    public const string Key = "Seed:Demo";

    /// <summary>Explicitly on, or by default in Development unless a synthetic world (<see cref="SyntheticSettings"/>) is asked for.</summary>
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(Key) ?? (environment.IsDevelopment() && !SyntheticSettings.IsRequested(configuration));

    /// <summary>
    /// The demo data set has well-known passwords; outside Development it would open the programme's
    /// data to anyone who has read the README, so asking for it there stops start-up.
    /// </summary>
    public static void EnsureAllowed(IConfiguration configuration, IHostEnvironment environment)
    {
        if (IsEnabled(configuration, environment) && !environment.IsDevelopment())
            throw new InvalidOperationException(
                $"{Key}=true is refused in the {environment.EnvironmentName} environment: the demo accounts have published passwords. Use it only with ASPNETCORE_ENVIRONMENT=Development.");
    }
}
