using System.Diagnostics;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Benchmarks;

/// <summary>A one-thread stopwatch run of the batch fast path, for a rough number in seconds rather than minutes.</summary>
internal static class QuickRun
{
    public static void Run(int needCount)
    {
        var scorer = new Scorer(ScoringProfile.Default);
        var encoder = new VectorEncoder();
        var partners = SyntheticData.Partners(ScoringBenchmarks.PartnerCount).Select(encoder.Encode).ToArray();
        var needs = SyntheticData.Needs(needCount).Select(encoder.Encode).ToArray();
        var results = new PairScore[partners.Length];

        for (var round = 0; round < 3; round++)
        {
            var checksum = 0L;
            var clock = Stopwatch.StartNew();
            foreach (var need in needs)
            {
                scorer.Score(need, partners, results);
                checksum += results[need.Id % partners.Length].Tenths;
            }
            var pairs = (double)needs.Length * partners.Length;
            Console.WriteLine($"round {round + 1}: {pairs / clock.Elapsed.TotalSeconds / 1e6:N1} M pairs/s on one thread ({clock.Elapsed.TotalMilliseconds / pairs * 1e6:N2} ns a pair, checksum {checksum})");
        }
    }
}
