using Matchmaker.Api.Features.Notifications.Email;
using Matchmaker.Api.Features.Webhooks;
using Matchmaker.Api.Features.Webhooks.Deliveries;

namespace Matchmaker.Api.Features.Notifications;

/// <summary>
/// The one place a change tells people about itself: the inbox items and, when e-mail is on, the
/// e-mails that carry them; and the webhook deliveries of its events. All in the caller's transaction.
/// </summary>
internal sealed class Notifier(EmailOptions email)
{
    public async Task RecordAsync(DbConnection c, DbTransaction tx, IEnumerable<Notice> notices, DateTime at, CancellationToken ct)
    {
        var written = await NotificationStore.RecordAsync(c, tx, notices, at, ct);
        if (email.Enabled)
            await EmailOutbox.EnqueueAsync(c, tx, written, at, ct);
    }

    public Task PublishAsync(DbConnection c, DbTransaction tx, IEnumerable<WebhookEvent> events, DateTime at, CancellationToken ct) =>
        WebhookDeliveries.EnqueueAsync(c, tx, [.. events], at, ct);

}
