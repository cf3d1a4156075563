using System.Diagnostics;
using Matchmaker.Api.Features.Matching.Scoring;

namespace Matchmaker.Api.Features.Demo;

/// <summary>How long each part of a generated world's full re-score took.</summary>
internal sealed record RescoreTimes(long ScoreMs, long WriteMs, long ActivateMs);

/// <summary>Matches a freshly loaded world: the full re-score with the active criteria, as the re-score job runs it, written in batches.</summary>
internal static class WorldRescore
{
    private const int BatchSize = 100;

    /// <summary>Runs the re-score, logging each part as it ends and the writing at every tenth of the needs, since a large world takes minutes.</summary>
    public static async Task<RescoreTimes> RunAsync(DbConnection connection, IFullRescore fullRescore, ILogger logger, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var version = await ProfileStore.ActiveVersionAsync(connection, null, ct);
        var run = await fullRescore.StartAsync(version, ct);
        var score = clock.ElapsedMilliseconds;
        logger.LogInformation("Scored and selected the matches of {Needs} needs in {Elapsed} ms", run.Total, score);

        var step = Math.Max(1, run.Total / 10);
        var reported = 0;
        long after = 0;
        while (await run.WriteNextBatchAsync(after, BatchSize, (_, _, _, _) => Task.CompletedTask, ct) is { } last)
        {
            after = last;
            var written = run.CountUpTo(last);
            if (written / step > reported / step && written < run.Total)
                logger.LogInformation("Wrote the matches of {Written} of {Needs} needs in {Elapsed} ms", written, run.Total, clock.ElapsedMilliseconds - score);
            reported = written;
        }

        var write = clock.ElapsedMilliseconds - score;
        await run.ActivateAsync((_, _) => Task.CompletedTask, ct);
        return new RescoreTimes(score, write, clock.ElapsedMilliseconds - score - write);
    }
}
