using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Matching.Outcomes;

namespace Matchmaker.Api.Features.Demo;

/// <summary>
/// What the demo's deals produced: every closed deal and most of those at agreement record an outcome some
/// weeks after the agreement (some with a follow-up), so the reports and the dashboard show realised investment
/// and jobs for young people out of the box. Deals agreed too near the end of the demo calendar have none yet.
/// </summary>
internal static class DemoOutcomes
{
    private static readonly string[] Markets = ["KZ", "RU", "UZ", "CN", "TJ", "DE"];

    public static IReadOnlyList<NewOutcome> For(IReadOnlyList<DealState> deals, IReadOnlyList<DealCandidate> candidates, int seed = DemoWorld.Seed)
    {
        var rng = new Random(seed + 2);
        var byMatch = candidates.ToDictionary(c => c.MatchId);
        var outcomes = new List<NewOutcome>();
        foreach (var deal in deals.OrderBy(d => d.MatchId))
        {
            if (deal.Events.FirstOrDefault(e => e.ToStatus == MatchStatus.Agreement) is not { } agreement)
                continue;
            if (deal.Status == MatchStatus.Agreement && rng.NextDouble() < 0.35)
                continue;
            var match = byMatch[deal.MatchId];
            var at = agreement.At.AddDays(rng.Next(20, 100)).AddHours(rng.Next(9, 18));
            if (at > DemoCatalog.End)
                continue;
            var jobs = rng.Next(4, 60);
            outcomes.Add(Record(rng, match, rng.Next(40, 1500) * 1000m, jobs, at, outcomes.Count));
            var followUp = at.AddDays(rng.Next(80, 120));
            if (deal.Status == MatchStatus.Closed && followUp <= DemoCatalog.End)
                outcomes.Add(Record(rng, match, outcomes[^1].InvestmentAmount + rng.Next(10, 400) * 1000m, jobs + rng.Next(2, 30), followUp, outcomes.Count));
        }

        return outcomes;
    }

    private static NewOutcome Record(Random rng, DealCandidate match, decimal usd, int jobs, DateTime at, int index)
    {
        var bySme = rng.Next(2) == 0;
        var youth = (int)Math.Round(jobs * (0.3 + rng.NextDouble() * 0.35));
        var markets = Markets.OrderBy(_ => rng.Next()).Take(rng.Next(0, 3)).ToList();
        var started = rng.NextDouble() < 0.7 ? DateOnly.FromDateTime(at.AddDays(-rng.Next(0, 20))) : (DateOnly?)null;
        return new NewOutcome(DemoIds.For("outcome", index), match.MatchId, match.NeedId, usd, "USD", usd, jobs, youth, started, markets, null,
            bySme ? match.SmeActor : match.PartnerActor, bySme ? MatchSide.Sme : MatchSide.Partner, at);
    }
}
