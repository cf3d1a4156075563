namespace Matchmaker.Api.Features.Matching.Outcomes.Reminders;

/// <summary>Runs <see cref="OutcomeReminders.SweepAsync"/> at start-up and every <c>Outcomes:SweepInterval</c> on every instance.</summary>
internal sealed class OutcomeReminderSweep(OutcomeReminders reminders, OutcomeOptions options, TimeProvider clock, ILogger<OutcomeReminderSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await reminders.SweepAsync(stoppingToken) is > 0 and var sent)
                    logger.LogInformation("Outcome reminders: {Sent} sent", sent);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A step is claimed with its notices or not at all, so the next pass finds whatever this one left.
                logger.LogError(e, "Outcome reminder sweep failed; retrying in {Interval}", options.SweepInterval);
            }

            await Task.Delay(options.SweepInterval, clock, stoppingToken);
        }
    }
}
