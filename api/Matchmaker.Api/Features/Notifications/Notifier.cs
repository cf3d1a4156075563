using Matchmaker.Api.Features.Notifications.Email;

namespace Matchmaker.Api.Features.Notifications;

/// <summary>
/// The one place a change tells people about itself: the inbox items and, when e-mail is on, the
/// e-mails that carry them, all in the caller's transaction.
/// </summary>
internal sealed class Notifier(EmailOptions email)
{
    public async Task RecordAsync(DbConnection c, DbTransaction tx, IEnumerable<Notice> notices, DateTime at, CancellationToken ct)
    {
        var written = await NotificationStore.RecordAsync(c, tx, notices, at, ct);
        if (email.Enabled)
            await EmailOutbox.EnqueueAsync(c, tx, written, at, ct);
    }
}
