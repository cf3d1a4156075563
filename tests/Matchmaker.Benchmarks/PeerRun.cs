using System.Diagnostics;
using Dapper;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Benchmarks;

/// <summary>
/// The full re-score as most Dapper users would write it, against ours, on the same world: the seeded
/// needs and partners of <c>select</c> loaded into a fresh SQLite file, the pairs to store selected
/// by one SQL query (PeerScoreAndRank.sql), then by the engine (encode + <see cref="ThresholdSelection"/>
/// on all cores) from the same inputs in memory. Both kept sets are counted and checksummed as
/// <see cref="SelectionRun"/> does and compared pair by pair.
/// </summary>
internal static class PeerRun
{
    private const int ShownDifferences = 10;

    private sealed record KeptPair(long NeedId, long PartnerId, double Score);

    public static void Run(int needCount, int partnerCount)
    {
        var profile = ScoringProfile.Default;
        var needInputs = SyntheticData.Needs(needCount);
        var partnerInputs = SyntheticData.Partners(partnerCount);
        Console.WriteLine($"peer: {needCount:N0} needs × {partnerCount:N0} partners = {(double)needCount * partnerCount:N0} pairs, {Environment.ProcessorCount} cores");

        var path = Path.Combine(Path.GetTempPath(), $"matchmaker-peer-{Environment.ProcessId}.db");
        try
        {
            var clock = Stopwatch.StartNew();
            using var connection = PeerDatabase.Create(path, needInputs, partnerInputs);
            Console.WriteLine($"load SQLite file      {clock.Elapsed.TotalSeconds,8:F2} s   (not compared; {new FileInfo(path).Length / 1048576.0:N1} MiB)");
            Console.WriteLine($"  {PeerDatabase.EnsureLog10(connection)}");

            var sql = PeerDatabase.Embedded("PeerScoreAndRank.sql");
            foreach (var step in connection.Query<(long Id, long Parent, long Unused, string Detail)>("EXPLAIN QUERY PLAN " + sql, Parameters(profile)))
                Console.WriteLine($"  plan: {step.Detail}");

            clock.Restart();
            var sqlKept = connection.Query<KeptPair>(sql, Parameters(profile), commandTimeout: 0).AsList();
            var sqlTime = clock.Elapsed;
            var (sqlCount, sqlChecksum) = CountAndChecksum(sqlKept.Select(p => (p.NeedId, p.PartnerId)));
            Console.WriteLine($"SQL query (1 thread)  {sqlTime.TotalSeconds,8:F2} s   {needCount * (double)partnerCount / sqlTime.TotalSeconds / 1e6:N2} M pairs/s");
            Console.WriteLine($"  pairs to store: {sqlCount:N0}, checksum {sqlChecksum:X16}");

            var (engineTime, kept, scorer, needs, partners) = Engine(profile, needInputs, partnerInputs);
            var enginePairs = kept.SelectMany((ps, n) => ps.Select(p => (needs[n].Id, partners[p].Id))).ToList();
            var (engineCount, engineChecksum) = CountAndChecksum(enginePairs);
            Console.WriteLine($"engine ({Environment.ProcessorCount} threads)      {engineTime.TotalSeconds,8:F2} s   encode + ThresholdSelection, first run in the process (JIT included)");
            Console.WriteLine($"  pairs to store: {engineCount:N0}, checksum {engineChecksum:X16}");
            var warmTime = Engine(profile, needInputs, partnerInputs).Time;
            Console.WriteLine($"engine again          {warmTime.TotalSeconds,8:F2} s   the same, warm");

            Console.WriteLine($"SQL ÷ engine          {sqlTime / engineTime,8:N1}×   (÷ the warm run: {sqlTime / warmTime:N1}×)");
            Compare(sqlKept, enginePairs, scorer, needs, partners, needInputs, partnerInputs);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (TimeSpan Time, int[][] Kept, Scorer Scorer, NeedVector[] Needs, PartnerVector[] Partners) Engine(
        ScoringProfile profile, NeedInput[] needInputs, PartnerInput[] partnerInputs)
    {
        var clock = Stopwatch.StartNew();
        var scorer = new Scorer(profile);
        var encoder = new VectorEncoder();
        var partners = partnerInputs.Select(encoder.Encode).ToArray();
        var needs = needInputs.Select(encoder.Encode).ToArray();
        var kept = ThresholdSelection.For(profile, Environment.ProcessorCount).Select(
            [.. needs.Select(n => n.Id)],
            [.. partners.Select(p => p.Id)],
            (need, start, scores) => scorer.Score(needs[need], partners.AsSpan(start, scores.Length), scores));
        return (clock.Elapsed, kept, scorer, needs, partners);
    }

    private static DynamicParameters Parameters(ScoringProfile profile)
    {
        var parameters = new DynamicParameters(new
        {
            min_score = (double)profile.MinScore,
            max_per_need = profile.MaxPerNeed,
            max_per_partner = profile.MaxPerPartner,
        });
        foreach (var criterion in profile.Criteria)
            parameters.Add(criterion.Key, criterion.Enabled ? criterion.Weight : 0.0);
        return parameters;
    }

    private static (long Count, ulong Checksum) CountAndChecksum(IEnumerable<(long NeedId, long PartnerId)> pairs)
    {
        long count = 0;
        ulong checksum = 0;
        foreach (var (need, partner) in pairs)
        {
            count++;
            checksum += SelectionRun.Mix(need, partner);
        }
        return (count, checksum);
    }

    /// <summary>The symmetric difference of the two kept sets, and the pairs both keep whose scores differ, with examples.</summary>
    private static void Compare(
        List<KeptPair> sqlKept, List<(long NeedId, long PartnerId)> enginePairs, Scorer scorer,
        NeedVector[] needs, PartnerVector[] partners, NeedInput[] needInputs, PartnerInput[] partnerInputs)
    {
        // Ids are 1…count in the synthetic world, so an id is its index + 1.
        PairScore EngineScore(long need, long partner) => scorer.Score(needs[need - 1], partners[partner - 1]);

        var engineSet = enginePairs.ToHashSet();
        var sqlSet = sqlKept.Select(p => (p.NeedId, p.PartnerId)).ToHashSet();
        var onlySql = sqlKept.Where(p => !engineSet.Contains((p.NeedId, p.PartnerId))).ToList();
        var onlyEngine = enginePairs.Where(p => !sqlSet.Contains(p)).ToList();
        var scoredApart = sqlKept.Where(p => engineSet.Contains((p.NeedId, p.PartnerId)) && ToTenths(p.Score) != EngineScore(p.NeedId, p.PartnerId).Tenths).ToList();
        Console.WriteLine($"symmetric difference  {onlySql.Count + onlyEngine.Count:N0} pairs ({onlySql.Count:N0} kept by SQL only, {onlyEngine.Count:N0} by the engine only); kept by both with different scores: {scoredApart.Count:N0}");

        foreach (var pair in onlySql.Concat(scoredApart).Take(ShownDifferences))
            Show(pair.NeedId, pair.PartnerId, pair.Score, scorer, EngineScore(pair.NeedId, pair.PartnerId), needInputs, partnerInputs);
        foreach (var (need, partner) in onlyEngine.Take(ShownDifferences))
            Show(need, partner, null, scorer, EngineScore(need, partner), needInputs, partnerInputs);
    }

    private static void Show(long need, long partner, double? sqlScore, Scorer scorer, PairScore engine, NeedInput[] needInputs, PartnerInput[] partnerInputs)
    {
        var explained = scorer.Explain(needInputs[need - 1], partnerInputs[partner - 1]);
        var terms = string.Join(", ", explained.Breakdown.Select(c => $"{c.Criterion} {c.Score:0.####}"));
        Console.WriteLine($"  need {need}, partner {partner}: SQL {(sqlScore is { } s ? s.ToString("0.0") : "not kept")}, engine {engine} ({terms})");
    }

    private static int ToTenths(double score) => (int)Math.Round(score * 10);
}
