using System.Diagnostics;
using System.Runtime.InteropServices;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Benchmarks;

/// <summary>
/// One selection of the pairs to store over every need × every partner, on a given number of
/// threads, in a process of its own so that its peak memory is its own: <c>threshold</c>
/// (<see cref="ThresholdSelection"/>, two scoring passes) or <c>heaps</c> (<see cref="MatchSelection"/>,
/// one per thread merged at the end, as the re-score job did). A scoring pass alone is timed first on
/// the same threads, so the selection's own share is the rest. The kept set's count and checksum
/// let two runs be compared.
/// </summary>
internal static class SelectionRun
{
    public static void Run(string which, int needCount, int partnerCount, int threads)
    {
        var clock = Stopwatch.StartNew();
        var profile = ScoringProfile.Default;
        var scorer = new Scorer(profile);
        var encoder = new VectorEncoder();
        var partners = SyntheticData.Partners(partnerCount).Select(encoder.Encode).ToArray();
        var needs = SyntheticData.Needs(needCount).Select(encoder.Encode).ToArray();
        Console.WriteLine($"{which}: {needCount:N0} needs × {partnerCount:N0} partners, {threads} thread(s) of {Environment.ProcessorCount} cores");
        Console.WriteLine($"encode inputs     {clock.Elapsed.TotalSeconds,7:F2} s");

        clock.Restart();
        ScorePass(scorer, needs, partners, threads);
        var scoring = clock.Elapsed;
        Console.WriteLine($"one scoring pass  {scoring.TotalSeconds,7:F2} s");

        var baseline = Environment.WorkingSet;
        clock.Restart();
        var (count, checksum) = which switch
        {
            "threshold" => Threshold(profile, scorer, needs, partners, threads),
            "heaps" => Heaps(profile, scorer, needs, partners, threads),
            _ => throw new ArgumentException($"Unknown selection '{which}': threshold or heaps."),
        };
        var total = clock.Elapsed;
        var passes = which == "threshold" ? 2 : 1;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"score and select  {total.TotalSeconds,7:F2} s   ({passes} scoring pass(es) ≈ {passes * scoring.TotalSeconds:F2} s, selection's own share ≈ {(total - passes * scoring).TotalSeconds:F2} s)");
        Console.WriteLine($"  pairs to store: {count:N0}, checksum {checksum:X16}");
        Console.WriteLine($"peak working set  {process.PeakWorkingSet64 / 1048576.0,7:N0} MiB (inputs and runtime before selecting: {baseline / 1048576.0:N0} MiB)");
    }

    private static (long, ulong) Threshold(ScoringProfile profile, Scorer scorer, NeedVector[] needs, PartnerVector[] partners, int threads)
    {
        var kept = ThresholdSelection.For(profile, threads).Select(
            [.. needs.Select(n => n.Id)],
            [.. partners.Select(p => p.Id)],
            (need, start, scores) => scorer.Score(needs[need], partners.AsSpan(start, scores.Length), scores));
        long count = 0;
        ulong checksum = 0;
        for (var n = 0; n < kept.Length; n++)
        {
            count += kept[n].Length;
            foreach (var p in kept[n])
                checksum += Mix(needs[n].Id, partners[p].Id);
        }
        return (count, checksum);
    }

    private static (long, ulong) Heaps(ScoringProfile profile, Scorer scorer, NeedVector[] needs, PartnerVector[] partners, int threads)
    {
        var selected = SelectWithHeaps(profile, scorer, needs, partners, threads);
        ulong checksum = 0;
        foreach (var pair in selected)
            checksum += Mix(pair.NeedId, pair.PartnerId);
        return (selected.Count, checksum);
    }

    /// <summary>Heap-based selection (MatchSelection), one per thread, each fed its share of the needs, merged at the end.</summary>
    internal static IReadOnlyList<ScoredPair> SelectWithHeaps(ScoringProfile profile, Scorer scorer, NeedVector[] needs, PartnerVector[] partners, int threads)
    {
        var minTenths = PairScore.QualifyingTenths(profile.MinScore);
        var parts = Enumerable.Range(0, threads).Select(_ => MatchSelection.For(profile)).ToArray();
        Parallel.For(0, parts.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, part =>
        {
            var results = new PairScore[partners.Length];
            var candidates = new List<ScoredPair>();
            for (var n = part; n < needs.Length; n += parts.Length)
            {
                scorer.Score(needs[n], partners, results);
                candidates.Clear();
                for (var i = 0; i < partners.Length; i++)
                {
                    if (results[i].Tenths >= minTenths)
                        candidates.Add(new ScoredPair(needs[n].Id, partners[i].Id, results[i]));
                }
                parts[part].AddNeed(needs[n].Id, CollectionsMarshal.AsSpan(candidates));
            }
        });
        return MatchSelection.Select(parts);
    }

    private static void ScorePass(Scorer scorer, NeedVector[] needs, PartnerVector[] partners, int threads)
    {
        long sink = 0;
        Parallel.For(0, needs.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => new PairScore[partners.Length], (n, _, results) =>
        {
            scorer.Score(needs[n], partners, results);
            Interlocked.Add(ref sink, results[n % results.Length].Tenths);
            return results;
        }, _ => { });
        GC.KeepAlive(sink);
    }

    // Order-independent: a sum of well-mixed pair hashes.
    internal static ulong Mix(long needId, long partnerId)
    {
        var x = unchecked((ulong)needId * 0x9E3779B97F4A7C15UL ^ (ulong)partnerId);
        x ^= x >> 31;
        x = unchecked(x * 0xBF58476D1CE4E5B9UL);
        return x ^ (x >> 29);
    }
}
