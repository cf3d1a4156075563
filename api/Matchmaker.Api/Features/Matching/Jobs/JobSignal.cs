using System.Threading.Channels;

namespace Matchmaker.Api.Features.Matching.Jobs;

/// <summary>Lets a request that queued a job wake this instance's runner instead of waiting for its next poll.</summary>
internal sealed class JobSignal
{
    private readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => wakeUps.Writer.TryWrite(true);

    /// <summary>Returns on a wake-up or after <paramref name="timeout"/>; throws only when <paramref name="ct"/> is cancelled.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            await wakeUps.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }
}
