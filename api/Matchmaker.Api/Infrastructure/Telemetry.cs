using OpenTelemetry.Metrics;

namespace Matchmaker.Api.Infrastructure;

/// <summary>
/// OpenTelemetry metrics, exported for Prometheus at <c>/metrics</c> (<c>Metrics:Enabled</c>, default true):
/// ASP.NET Core's request duration and the meter <see cref="MeterName"/>, on which features publish
/// their own figures.
/// </summary>
internal static class Telemetry
{
    public const string MeterName = "Matchmaker";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Metrics:Enabled", true);

    public static void AddMatchmakerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (!Enabled(configuration))
            return;
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", MeterName)
            .AddPrometheusExporter());
    }

    public static void MapMatchmakerMetrics(this WebApplication app)
    {
        if (Enabled(app.Configuration))
            app.MapPrometheusScrapingEndpoint();
    }
}
