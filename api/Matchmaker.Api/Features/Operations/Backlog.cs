using Matchmaker.Api.Features.Matching.Jobs;
using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Notifications.Email;
using Matchmaker.Api.Features.Webhooks.Deliveries;

namespace Matchmaker.Api.Features.Operations;

/// <summary>What background work waits: the e-mail outbox (digests included), webhook deliveries, the re-score jobs and the expiry sweep, read in one look.</summary>
internal sealed record Backlog(EmailBacklog Email, WebhookBacklog Webhooks, JobBacklog Jobs, ExpirySweepBacklog Expiry, DateTime At)
{
    public double? OldestEmailSeconds => Email.OldestPendingAt is { } oldest ? Math.Max(0, (At - oldest).TotalSeconds) : null;

    public double? OldestWebhookSeconds => Webhooks.OldestPendingAt is { } oldest ? Math.Max(0, (At - oldest).TotalSeconds) : null;

    public double? OldestUnsweptExpirySeconds => Expiry.OldestExpiredAt is { } oldest ? Math.Max(0, (At - oldest).TotalSeconds) : null;

    public static async Task<Backlog> ReadAsync(ConnectionFactory db, TimeProvider clock, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return new Backlog(await EmailOutbox.BacklogAsync(connection, ct), await WebhookDeliveries.BacklogAsync(connection, ct), await JobStore.BacklogAsync(connection, ct),
            await NeedStore.SweepBacklogAsync(connection, now, ct), now);
    }
}
