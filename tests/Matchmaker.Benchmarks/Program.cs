using BenchmarkDotNet.Running;
using Matchmaker.Benchmarks;

if (args is ["full", ..])
{
    EngineRescoreRun.Run(
        args.Length > 1 ? int.Parse(args[1]) : ScoringBenchmarks.NeedCount,
        args.Length > 2 ? int.Parse(args[2]) : ScoringBenchmarks.PartnerCount);
    return;
}

if (args is ["select", var which, ..])
{
    SelectionRun.Run(
        which,
        args.Length > 2 ? int.Parse(args[2]) : ScoringBenchmarks.NeedCount,
        args.Length > 3 ? int.Parse(args[3]) : ScoringBenchmarks.PartnerCount,
        args.Length > 4 ? int.Parse(args[4]) : Environment.ProcessorCount);
    return;
}

if (args is ["peer", ..])
{
    PeerRun.Run(
        args.Length > 1 ? int.Parse(args[1]) : 1_000,
        args.Length > 2 ? int.Parse(args[2]) : 10_000);
    return;
}

if (args is ["quick", ..])
{
    QuickRun.Run(args.Length > 1 ? int.Parse(args[1]) : 200);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ScoringBenchmarks).Assembly).Run(args);
