using BenchmarkDotNet.Attributes;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Benchmarks;

/// <summary>
/// Pairs per second of the fast path (no breakdowns) on 10,000 needs × 100,000 partners. Each
/// invocation scores a sample of needs against every partner; throughput is reported per pair.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    public const int NeedCount = 10_000;
    public const int PartnerCount = 100_000;
    private const int NeedsPerInvoke = 16;
    private const int Tile = 2_048;

    private Scorer _scorer = null!;
    private NeedVector[] _needs = null!;
    private PartnerVector[] _partners = null!;
    private PairScore[] _results = null!;
    private NeedInput[] _needInputs = null!;
    private PartnerInput[] _partnerInputs = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _scorer = new Scorer(ScoringProfile.Default);
        var encoder = new VectorEncoder();
        _needInputs = SyntheticData.Needs(NeedCount);
        _partnerInputs = SyntheticData.Partners(PartnerCount);
        _partners = [.. _partnerInputs.Select(encoder.Encode)];
        _needs = [.. _needInputs.Select(encoder.Encode)];
        _results = new PairScore[PartnerCount];
    }

    /// <summary>One need against all 100,000 partners per batch call, the shape of "update one need".</summary>
    [Benchmark(OperationsPerInvoke = NeedsPerInvoke * PartnerCount)]
    public int OneNeedAgainstAllPartners()
    {
        var checksum = 0;
        for (var i = 0; i < NeedsPerInvoke; i++)
        {
            _scorer.Score(_needs[NextNeed()], _partners, _results);
            checksum += _results[i].Tenths;
        }
        return checksum;
    }

    /// <summary>Needs swept over cache-sized blocks of partners, the shape of a full re-score.</summary>
    [Benchmark(OperationsPerInvoke = NeedsPerInvoke * PartnerCount)]
    public int NeedsTiledOverPartnerBlocks()
    {
        var first = NextNeed();
        var checksum = 0;
        for (var start = 0; start < PartnerCount; start += Tile)
        {
            var block = _partners.AsSpan(start, Math.Min(Tile, PartnerCount - start));
            for (var i = 0; i < NeedsPerInvoke; i++)
            {
                _scorer.Score(_needs[(first + i) % NeedCount], block, _results);
                checksum += _results[0].Tenths;
            }
        }
        return checksum;
    }

    /// <summary>The single-pair method, paying the per-need setup on every call.</summary>
    [Benchmark(OperationsPerInvoke = PartnerCount)]
    public int SinglePairCalls()
    {
        ref readonly var need = ref _needs[NextNeed()];
        var sum = 0;
        foreach (ref readonly var partner in _partners.AsSpan())
            sum += _scorer.Score(need, partner).Tenths;
        return sum;
    }

    /// <summary>The breakdown path, for scale: it allocates and builds reasons.</summary>
    [Benchmark(OperationsPerInvoke = 1_000)]
    public double Explain()
    {
        var need = _needInputs[NextNeed()];
        var sum = 0.0;
        for (var i = 0; i < 1_000; i++)
            sum += _scorer.Explain(need, _partnerInputs[i]).Score;
        return sum;
    }

    private int NextNeed() => _next = (_next + 1) % NeedCount;
}
