namespace Matchmaker.Api.Features.Demo;

/// <summary><c>Seed:Demo</c>: load the demo data set into an empty database; on by default only in Development.</summary>
internal static class DemoSettings
{
    public const string Key = "Seed:Demo";

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(Key) ?? environment.IsDevelopment();
}
