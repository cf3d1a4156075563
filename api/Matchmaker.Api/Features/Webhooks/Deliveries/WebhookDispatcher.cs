namespace Matchmaker.Api.Features.Webhooks.Deliveries;

/// <summary>
/// Sends the queued deliveries: claims due rows through the database (so instances never send one row at
/// the same time), posts each (several receivers at once, so one slow receiver holds up no one else), and
/// records the outcome as soon as the receiver answered. A delivery that was not answered 2xx is tried
/// again on the <see cref="WebhookOptions.NextAttempt"/> schedule, then failed. Stopping lets the posts in
/// flight finish and hands back what it has not started; a crash leaves its claim until the lease ends,
/// and then the delivery is sent again with the same <c>webhook-id</c>, so receivers can tell a repeat.
/// </summary>
internal sealed class WebhookDispatcher(ConnectionFactory db, SqlDialect dialect, TimeProvider clock, WebhookOptions options, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    private const int BatchSize = 32;
    private const int Parallel = 8;

    // Longer than a whole batch can take at Webhooks:TimeoutSeconds an attempt, so a live sender never
    // loses its rows to another instance.
    private readonly TimeSpan lease = options.Timeout * (BatchSize / Parallel + 2);
    private readonly WebhookSender sender = new(options);
    private readonly SemaphoreSlim wake = new(0);

    /// <summary>Asks for a round now instead of at the next poll (a manual retry).</summary>
    public void Wake()
    {
        if (wake.CurrentCount == 0)
            wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stop) == BatchSize)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sending webhook deliveries failed; tried again in {Poll}", options.Poll);
            }

            await wake.WaitAsync(options.Poll, stop);
        }
    }

    /// <summary>One batch: returns how many deliveries it claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var token = $"{Environment.ProcessId}:{Guid.NewGuid():N}";
        IReadOnlyList<OutgoingDelivery> due;
        await using (var connection = await db.OpenAsync(ct))
            due = await WebhookDeliveries.ClaimAsync(connection, dialect, token, BatchSize, Now(), lease, ct);
        if (due.Count == 0)
            return 0;

        try
        {
            await System.Threading.Tasks.Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = ct },
                (delivery, _) => new ValueTask(SendOneAsync(delivery, token)));
        }
        catch (OperationCanceledException)
        {
            await using var connection = await db.OpenAsync(CancellationToken.None);
            await WebhookDeliveries.ReleaseAsync(connection, token);
            throw;
        }

        return due.Count;
    }

    // A post that started is finished and recorded even when the host is stopping (it takes at most
    // Webhooks:TimeoutSeconds), so that a receiver's 2xx is never followed by a repeat after a clean stop.
    private async Task SendOneAsync(OutgoingDelivery delivery, string token)
    {
        var attempt = delivery.OwnerActive
            ? await sender.SendAsync(delivery, clock.GetUtcNow(), CancellationToken.None)
            : new AttemptResult(false, null, "The subscription's account is inactive: it is sent nothing.");
        var now = Now();
        var attempts = delivery.Attempts + 1;
        var next = attempt.Delivered || !delivery.OwnerActive ? null : options.NextAttempt(attempts, delivery.FirstAttemptAt ?? now, now);
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await WebhookDeliveries.AttemptedAsync(connection, delivery.Id, token, attempt.Delivered, attempt.StatusCode, attempt.Error, next, now, CancellationToken.None);
        if (!attempt.Delivered && next is null)
            logger.LogError("Webhook delivery {DeliveryId} ({Event}) failed for good after {Attempts} attempts: {Error}", delivery.PublicId, delivery.EventType, attempts, attempt.Error);
        else if (!attempt.Delivered)
            logger.LogInformation("Webhook delivery {DeliveryId} ({Event}) failed attempt {Attempts}: {Error}; next at {Next:o}", delivery.PublicId, delivery.EventType, attempts, attempt.Error, next);
    }

    public override void Dispose()
    {
        sender.Dispose();
        wake.Dispose();
        base.Dispose();
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
