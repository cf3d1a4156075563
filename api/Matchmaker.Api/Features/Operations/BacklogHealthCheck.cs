using Matchmaker.Api.Features.Notifications.Email;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Matchmaker.Api.Features.Operations;

/// <summary>
/// Part of <c>/health/ready</c>: how far background work lags. Degraded (still 200) when an e-mail failed
/// for good, the oldest unsent one waits longer than <see cref="LateAfter"/>, a webhook delivery is still
/// queued that long after its retries should have ended, or a need expired longer ago than that and no
/// sweep has handled it; the figures are in the details. A failed webhook delivery alone is the receiver's
/// outage, not this server's, so it is counted but does not degrade readiness.
/// </summary>
internal sealed class BacklogHealthCheck(ConnectionFactory db, TimeProvider clock, EmailOptions email) : IHealthCheck
{
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(15);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var backlog = await Backlog.ReadAsync(db, clock, ct);
        var data = new Dictionary<string, object>
        {
            ["emailEnabled"] = email.Enabled,
            ["emailPending"] = backlog.Email.Pending,
            ["emailOldestPendingSeconds"] = Math.Round(backlog.OldestEmailSeconds ?? 0),
            ["emailFailed"] = backlog.Email.Failed,
            ["webhookDeliveriesPending"] = backlog.Webhooks.Pending,
            ["webhookOldestPendingSeconds"] = Math.Round(backlog.OldestWebhookSeconds ?? 0),
            ["webhookDeliveriesFailed"] = backlog.Webhooks.Failed,
            ["jobsWaiting"] = backlog.Jobs.Waiting,
            ["jobProcessed"] = backlog.Jobs.Processed ?? 0,
            ["jobTotal"] = backlog.Jobs.Total ?? 0,
            ["needsExpiredUnswept"] = backlog.Expiry.Unswept,
            ["oldestUnsweptExpirySeconds"] = Math.Round(backlog.OldestUnsweptExpirySeconds ?? 0),
        };
        if (backlog.Email.Failed > 0)
            return HealthCheckResult.Degraded($"{backlog.Email.Failed} e-mail(s) failed for good after a week of retries.", data: data);
        if (backlog.OldestEmailSeconds > LateAfter.TotalSeconds)
            return HealthCheckResult.Degraded($"The oldest unsent e-mail has waited {backlog.OldestEmailSeconds / 60:0} minutes.", data: data);
        if (backlog.OldestWebhookSeconds > LateAfter.TotalSeconds + Webhooks.WebhookOptions.RetryFor.TotalSeconds)
            return HealthCheckResult.Degraded($"The oldest undelivered webhook has waited {backlog.OldestWebhookSeconds / 3600:0.#} hours, longer than its retries should last.", data: data);
        if (backlog.OldestUnsweptExpirySeconds > LateAfter.TotalSeconds)
            return HealthCheckResult.Degraded($"The expiry sweep is behind: a need expired {backlog.OldestUnsweptExpirySeconds / 60:0} minutes ago and still holds its suggestions.", data: data);
        return HealthCheckResult.Healthy("Background work keeps up.", data);
    }
}
