using System.Diagnostics;
using System.Runtime.InteropServices;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Benchmarks;

/// <summary>
/// Every need against every partner on all cores, timed once with a stopwatch: the engine's share
/// of the "full re-score of 10,000 × 100,000 in ≤ 30 s" target, without any I/O. First scoring
/// alone, then scoring feeding <see cref="MatchSelection"/> as the re-score job did before <see cref="ThresholdSelection"/>.
/// </summary>
internal static class EngineRescoreRun
{
    private const int Tile = 2_048;
    private const int NeedsPerChunk = 32;

    public static void Run(int needCount, int partnerCount)
    {
        var clock = Stopwatch.StartNew();
        var scorer = new Scorer(ScoringProfile.Default);
        var encoder = new VectorEncoder();
        var partners = SyntheticData.Partners(partnerCount).Select(encoder.Encode).ToArray();
        var needs = SyntheticData.Needs(needCount).Select(encoder.Encode).ToArray();
        Console.WriteLine($"{needCount:N0} needs × {partnerCount:N0} partners = {(double)needCount * partnerCount:N0} pairs, {Environment.ProcessorCount} cores");
        Console.WriteLine($"encode inputs            {clock.Elapsed.TotalSeconds,7:F2} s");

        clock.Restart();
        var scoredAtOrAboveMin = ScoreOnly(scorer, needs, partners);
        Report("score only", clock.Elapsed, needCount, partnerCount);
        Console.WriteLine($"  pairs at or above {ScoringProfile.Default.MinScore}: {scoredAtOrAboveMin:N0}");

        clock.Restart();
        var kept = ScoreAndSelectLocked(scorer, needs, partners);
        Report("score, select (locked)", clock.Elapsed, needCount, partnerCount);
        Console.WriteLine($"  pairs to store: {kept:N0}");

        clock.Restart();
        kept = ScoreAndSelectPerCore(scorer, needs, partners);
        Report("score, select per core", clock.Elapsed, needCount, partnerCount);
        Console.WriteLine($"  pairs to store: {kept:N0}");
    }

    private static long ScoreOnly(Scorer scorer, NeedVector[] needs, PartnerVector[] partners)
    {
        var minTenths = (short)(ScoringProfile.Default.MinScore * 10);
        long total = 0;
        Parallel.For(0, (needs.Length + NeedsPerChunk - 1) / NeedsPerChunk, () => (Results: new PairScore[Tile], Count: 0L), (chunk, _, local) =>
        {
            var from = chunk * NeedsPerChunk;
            var to = Math.Min(needs.Length, from + NeedsPerChunk);
            // Needs swept over cache-sized blocks of partners.
            for (var start = 0; start < partners.Length; start += Tile)
            {
                var block = partners.AsSpan(start, Math.Min(Tile, partners.Length - start));
                for (var n = from; n < to; n++)
                {
                    scorer.Score(needs[n], block, local.Results);
                    foreach (var score in local.Results.AsSpan(0, block.Length))
                        local.Count += score.Tenths >= minTenths ? 1 : 0;
                }
            }
            return local;
        }, local => Interlocked.Add(ref total, local.Count));
        return total;
    }

    /// <summary>One selection for every need, fed under a lock.</summary>
    private static int ScoreAndSelectLocked(Scorer scorer, NeedVector[] needs, PartnerVector[] partners)
    {
        var minTenths = (short)(ScoringProfile.Default.MinScore * 10);
        var selection = MatchSelection.For(ScoringProfile.Default);
        Parallel.For(0, needs.Length, () => (Results: new PairScore[partners.Length], Candidates: new List<ScoredPair>()), (n, _, local) =>
        {
            scorer.Score(needs[n], partners, local.Results);
            local.Candidates.Clear();
            for (var i = 0; i < partners.Length; i++)
            {
                if (local.Results[i].Tenths >= minTenths)
                    local.Candidates.Add(new ScoredPair(needs[n].Id, partners[i].Id, local.Results[i]));
            }
            lock (selection)
                selection.AddNeed(needs[n].Id, CollectionsMarshal.AsSpan(local.Candidates));
            return local;
        }, _ => { });
        return selection.Select().Count;
    }

    /// <summary>One selection per core, each fed its share of the needs without locking, merged at the end (what the re-score job did before ThresholdSelection).</summary>
    private static int ScoreAndSelectPerCore(Scorer scorer, NeedVector[] needs, PartnerVector[] partners) =>
        SelectionRun.SelectWithHeaps(ScoringProfile.Default, scorer, needs, partners, Environment.ProcessorCount).Count;

    private static void Report(string what, TimeSpan elapsed, int needCount, int partnerCount) =>
        Console.WriteLine($"{what,-24} {elapsed.TotalSeconds,7:F2} s   {(double)needCount * partnerCount / elapsed.TotalSeconds / 1e6,6:N0} M pairs/s");
}
