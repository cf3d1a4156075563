using Matchmaker.Api.Infrastructure.Data;
using Matchmaker.Api.Infrastructure.OpenApi;

namespace Matchmaker.Api.Features;

/// <summary>What the feature areas plug into the host: their services, their start-up work and the bounds of their fields.</summary>
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

    public static void DescribeFields(FieldBounds fields)
    {
        Shared.SharedFields.DescribeFields(fields);
        Smes.SmeFields.DescribeFields(fields);
        Needs.NeedFields.DescribeFields(fields);
        Partners.PartnerFields.DescribeFields(fields);
        Users.UserFields.DescribeFields(fields);
        Auth.Token.TokenFields.DescribeFields(fields);
        Matching.MatchingFields.DescribeFields(fields);
        Matching.Criteria.Update.CriteriaFields.DescribeFields(fields);
        Matching.Jobs.JobFields.DescribeFields(fields);
        Reports.ReportFields.DescribeFields(fields);
        Reference.ReferenceFields.DescribeFields(fields);
    }
}
