namespace Matchmaker.Api.Features.Audit;

/// <summary>
/// Every <c>action</c> and <c>targetType</c> an audit entry may carry: the filter's vocabulary and the
/// document's enum. Webhook and outcome actions are listed already, for the areas that will write them.
/// </summary>
internal static class AuditAction
{
    public const string UserCreated = "user.created";
    public const string UserRoleChanged = "user.role_changed";
    public const string UserDeactivated = "user.deactivated";
    public const string UserReactivated = "user.reactivated";
    public const string UserPasswordChanged = "user.password_changed";
    public const string CriteriaChanged = "criteria.changed";
    public const string JobRestarted = "job.restarted";
    public const string FxChanged = "fx.changed";
    public const string WebhookCreated = "webhook.created";
    public const string WebhookUpdated = "webhook.updated";
    public const string WebhookDeleted = "webhook.deleted";
    public const string WebhookSecretRotated = "webhook.secret_rotated";
    public const string MatchTransition = "match.transition";
    public const string OutcomeRecorded = "outcome.recorded";
    public const string UserPasswordReset = "user.password_reset";

    public static readonly string[] All =
    [
        UserCreated, UserRoleChanged, UserDeactivated, UserReactivated, UserPasswordChanged, CriteriaChanged, JobRestarted,
        FxChanged, WebhookCreated, WebhookUpdated, WebhookDeleted, WebhookSecretRotated, MatchTransition, OutcomeRecorded,
        UserPasswordReset,
    ];
}

internal static class AuditTarget
{
    public const string User = "user";
    public const string Criteria = "criteria";
    public const string Job = "job";
    public const string FxRates = "fx_rates";
    public const string Webhook = "webhook";
    public const string Match = "match";

    public static readonly string[] All = [User, Criteria, Job, FxRates, Webhook, Match];
}
