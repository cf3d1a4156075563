using Matchmaker.Api.Features.Notifications.Email;

namespace Matchmaker.Api.Features.Auth;

/// <summary>
/// Queues the mail of an account token in the caller's transaction, when e-mail is on (no <c>Email:SmtpHost</c>:
/// nothing is queued and no token is made). Account mail is not an inbox item: it goes at once, whatever the
/// account's e-mail preference.
/// </summary>
internal sealed class AccountTokenMail(EmailOptions email, AccountTokenOptions options)
{
    public bool Enabled => email.Enabled;

    public Task QueueAsync(DbConnection c, DbTransaction tx, string purpose, string address, HttpRequest cause, DateTime now, CancellationToken ct) =>
        email.Enabled
            ? AccountTokens.QueueAsync(c, tx, purpose, address, endEarlier: purpose == AccountTokens.Purposes.VerifyEmail,
                options.LinkBase(cause), options.LifetimeOf(purpose), now, ct)
            : Task.CompletedTask;
}
