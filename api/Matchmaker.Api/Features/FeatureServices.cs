namespace Matchmaker.Api.Features;

/// <summary>What the feature areas plug into the host: their services, their start-up work and the bounds of their fields.</summary>
internal static class FeatureServices
{
    /// <summary>Registered after the host's services, so their hosted services start once the database is ready.</summary>
    public static void AddFeatures(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        Demo.DemoSettings.EnsureAllowed(configuration, environment);
        Demo.SyntheticSettings.EnsureValid(configuration);
        services.AddSingleton(Needs.NeedOptions.From(configuration));
        services.AddSingleton(Verification.Vetting.From(configuration));
        services.AddSingleton<Verification.VerificationDecisions>();
        services.AddSingleton<IStartupSeed, Users.BootstrapAdmin>();
        services.AddSingleton<IStartupSeed, Needs.Expiry.NeedExpiryBackfill>();
        services.AddSingleton<IStartupSeed, Shared.SearchTextBackfill>();
        services.AddSingleton<IStartupSeed, Verification.VettingReconcile>();
        services.AddSingleton<IAccountStates, Users.AccountStates>();
        services.AddHostedService<Demo.DemoSeeder>();
        services.AddHostedService<Demo.SyntheticSeeder>();
        services.AddSingleton<Matching.Scoring.IFullRescore, Matching.Scoring.FullRescore>();
        services.AddSingleton<Matching.Scoring.PartnerInputCache>();
        services.AddSingleton<Matching.Scoring.Rescorer>();
        services.AddSingleton<Matching.Scoring.MatchExplainer>();
        services.AddSingleton<Matching.NearMisses.EncodedPartners>();
        services.AddSingleton<Matching.Jobs.JobSignal>();
        services.AddHostedService<Matching.Jobs.JobRunner>();
        services.AddSingleton(Notifications.Email.EmailOptions.From(configuration));
        services.AddSingleton<Notifications.Notifier>();
        services.AddSingleton(Auth.EmailVerificationOptions.From(configuration));
        services.AddSingleton(Auth.AccountTokenOptions.From(configuration));
        services.AddSingleton<Auth.AccountTokenMail>();
        services.AddHostedService<Notifications.Email.EmailDispatcher>();
        services.AddHostedService<Auth.AccountLinkHostCheck>();
        services.AddSingleton<Needs.Expiry.INeedExpiryNotifier, Notifications.NeedExpiryNotices>();
        services.AddHealthChecks().AddCheck<Operations.BacklogHealthCheck>("backlog", tags: ["ready"]);
        services.AddHostedService<Operations.BacklogMetrics>();
        services.AddSingleton<Needs.Expiry.NeedExpiry>();
        services.AddHostedService<Needs.Expiry.NeedExpirySweep>();
        services.AddSingleton(Webhooks.WebhookOptions.From(configuration));
        services.AddSingleton<Webhooks.WebhookUrlGuard>();
        services.AddSingleton(Matching.Outcomes.Reminders.OutcomeOptions.From(configuration));
        services.AddSingleton<Matching.Outcomes.Reminders.OutcomeReminders>();
        services.AddHostedService<Matching.Outcomes.Reminders.OutcomeReminderSweep>();
        services.AddSingleton<Webhooks.Deliveries.WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Webhooks.Deliveries.WebhookDispatcher>());
    }

    public static void DescribeFields(FieldBounds fields)
    {
        Shared.SharedBounds.DescribeFields(fields);
        Smes.SmeBounds.DescribeFields(fields);
        Needs.NeedBounds.DescribeFields(fields);
        Partners.PartnerBounds.DescribeFields(fields);
        Users.UserBounds.DescribeFields(fields);
        Audit.AuditBounds.DescribeFields(fields);
        Notifications.NotificationBounds.DescribeFields(fields);
        Auth.Token.TokenBounds.DescribeFields(fields);
        Auth.Password.PasswordBounds.DescribeFields(fields);
        Auth.AccountTokenBounds.DescribeFields(fields);
        Matching.MatchingBounds.DescribeFields(fields);
        Matching.NearMisses.NearMissBounds.DescribeFields(fields);
        Matching.Criteria.Update.CriteriaBounds.DescribeFields(fields);
        Matching.Jobs.JobBounds.DescribeFields(fields);
        Reports.ReportBounds.DescribeFields(fields);
        Reference.ReferenceBounds.DescribeFields(fields);
        Notifications.Preferences.PreferenceBounds.DescribeFields(fields);
        Webhooks.WebhookBounds.DescribeFields(fields);
        Verification.VerificationBounds.DescribeFields(fields);
    }
}
