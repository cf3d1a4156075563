using MailKit;
using MailKit.Net.Smtp;
using Matchmaker.Api.Features.Notifications.Preferences;

namespace Matchmaker.Api.Features.Notifications.Email;

/// <summary>
/// Sends the e-mail outbox: claims due rows through the database (so instances never send one row at
/// the same time), sends each, and marks it sent the moment the SMTP server accepted it. A message the
/// server refused, or any that a broken connection left unsent, is tried again later
/// (<see cref="EmailRetry"/>) until it is older than <see cref="EmailOptions.RetryFor"/>, then failed. Stopping
/// hands back what it still holds.
/// Each round first queues the daily digests that fell due.
/// </summary>
internal sealed class EmailDispatcher(ConnectionFactory db, SqlDialect dialect, TimeProvider clock, EmailOptions options, ILogger<EmailDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 20;

    // Longer than a whole batch can take at Email:TimeoutSeconds a step (connecting, then each message), so a
    // live sender never loses its rows to another instance; a crashed one's rows wait this long.
    private readonly TimeSpan lease = options.SmtpTimeout * (BatchSize + 2);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("E-mail is off: Email:SmtpHost is not set, so no e-mail is queued or sent");
            return;
        }

        using var timer = new PeriodicTimer(options.Poll, clock);
        do
        {
            try
            {
                while (await SendDueAsync(stop) == BatchSize)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sending the e-mail outbox failed; it is tried again in {Poll}", options.Poll);
            }
        }
        while (await timer.WaitForNextTickAsync(stop));
    }

    /// <summary>One batch: returns how many e-mails it claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await EmailDigests.QueueDueAsync(connection, dialect, options.DigestHourUtc, Now(), ct);
        var token = $"{Environment.ProcessId}:{Guid.NewGuid():N}";
        var due = await EmailOutbox.ClaimAsync(connection, dialect, token, BatchSize, Now(), lease, ct);
        if (due.Count == 0)
            return 0;

        var preferences = await PreferenceStore.ForUsersAsync(connection, null, [.. due.Select(e => e.UserId).Distinct()], ct);
        var pending = new Queue<OutgoingEmail>(due);
        try
        {
            await using var smtp = new SmtpSender(options);
            await smtp.ConnectAsync(ct);
            while (pending.TryPeek(out var email))
            {
                if (!email.IsActive)
                    await EmailOutbox.FailedAttemptAsync(connection, email, token, "The account is inactive: it is sent nothing.", giveUp: true, Now(), options.RetryDelays, ct);
                else
                    await SendOneAsync(connection, smtp, email, preferences[email.UserId].Language, token, ct);
                pending.Dequeue();
            }
        }
        catch (OperationCanceledException)
        {
            await EmailOutbox.ReleaseAsync(connection, token);
            throw;
        }
        catch (Exception e)
        {
            logger.LogWarning("The SMTP server could not be reached or dropped the connection: {Error}", e.Message);
            while (pending.TryDequeue(out var email))
                await FailedAsync(connection, email, token, e.Message, ct);
        }

        return due.Count;
    }

    private async Task SendOneAsync(DbConnection connection, SmtpSender smtp, OutgoingEmail email, string language, string token, CancellationToken ct)
    {
        try
        {
            MimeKit.MimeMessage message;
            if (email.IsAccountMail)
            {
                if (await Auth.AccountTokens.DrawAsync(connection, email.AccountTokenId!.Value, Now(), ct) is not { } accountToken)
                {
                    await EmailOutbox.DropAsync(connection, email.Id, token, ct);
                    return;
                }

                message = AccountMail.Compose(email, accountToken, language, options);
            }
            else
            {
                message = email.IsDigest
                    ? EmailComposer.ComposeDigest(email, await EmailDigests.ItemsAsync(connection, email.UserId, email.DigestFrom!.Value, email.DigestUntil!.Value, ct), language, options)
                    : EmailComposer.Compose(email, language, options);
            }

            await smtp.SendAsync(message, ct);
        }
        catch (Exception e) when (e is SmtpCommandException or FormatException or MimeKit.ParseException)
        {
            await FailedAsync(connection, email, token, e.Message, ct);
            return;
        }

        await EmailOutbox.SentAsync(connection, email.Id, token, Now(), ct);
    }

    private async Task FailedAsync(DbConnection connection, OutgoingEmail email, string token, string error, CancellationToken ct)
    {
        var giveUp = Now() - email.CreatedAt >= options.RetryFor;
        await EmailOutbox.FailedAttemptAsync(connection, email, token, error, giveUp, Now(), options.RetryDelays, ct);
        if (giveUp)
            logger.LogError("E-mail {EmailId} failed for good after {Attempts} attempts: {Error}", email.PublicId, email.Attempts + 1, error);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
