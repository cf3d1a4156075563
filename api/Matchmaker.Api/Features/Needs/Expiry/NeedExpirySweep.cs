namespace Matchmaker.Api.Features.Needs.Expiry;

/// <summary>Runs <see cref="NeedExpiry.SweepAsync"/> at start-up and every <c>Needs:SweepInterval</c> on every instance; the claims keep instances apart.</summary>
internal sealed class NeedExpirySweep(NeedExpiry expiry, NeedOptions options, TimeProvider clock, ILogger<NeedExpirySweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await expiry.SweepAsync(stoppingToken);
                if (result.Expired > 0 || result.Reminded > 0)
                    logger.LogInformation("Need expiry sweep: {Expired} needs expired, {Reminded} reminders due", result.Expired, result.Reminded);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next pass claims whatever this one left: a claim commits with its work or not at all.
                logger.LogError(e, "Need expiry sweep failed; retrying in {Interval}", options.SweepInterval);
            }

            await Task.Delay(options.SweepInterval, clock, stoppingToken);
        }
    }
}
