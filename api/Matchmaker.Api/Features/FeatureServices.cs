using Matchmaker.Api.Infrastructure.Data;

namespace Matchmaker.Api.Features;

/// <summary>What the feature areas plug into the host: their services and their start-up work.</summary>
internal static class FeatureServices
{
    /// <summary>Registered after the host's services, so their hosted services start once the database is ready.</summary>
    public static void AddFeatures(this IServiceCollection services)
    {
        services.AddSingleton<IStartupSeed, Users.BootstrapAdmin>();
        services.AddHostedService<Demo.DemoSeeder>();
        services.AddSingleton<Matching.Scoring.IFullRescore, Matching.Scoring.FullRescore>();
        services.AddSingleton<Matching.Scoring.PartnerFeatureCache>();
        services.AddSingleton<Matching.Scoring.Rescorer>();
        services.AddSingleton<Matching.Jobs.JobSignal>();
        services.AddHostedService<Matching.Jobs.JobRunner>();
    }
}
