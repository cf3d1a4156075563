using System.Data.Common;
using System.Diagnostics;
using Dapper;

namespace Matchmaker.Tests.Harness;

/// <summary>
/// Waits for the re-score jobs in flight to end. A job writes a version's scores batch by batch and then
/// activates it, so what is stored is only settled, and comparable with what the engine computes, once none
/// is queued or running.
/// </summary>
internal static class JobsSettled
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static async Task WaitAsync(DbConnection connection)
    {
        var clock = Stopwatch.StartNew();
        while (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM jobs WHERE status IN ('queued', 'running')") > 0)
        {
            Assert.True(clock.Elapsed < Patience, $"the re-score jobs did not finish within {Patience.TotalMinutes} minutes");
            await Task.Delay(100);
        }
    }
}
