using System.Collections.Concurrent;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Api.Features.Matching.Scoring;

/// <summary>
/// Builds the breakdowns that answers show. They are not stored: every write keeps a stored score
/// current with its need, the need's SME and the partner, so explaining the current rows under the
/// version that scored the pair gives the breakdown of that very score. Partners come from the
/// <see cref="PartnerInputCache"/> the writes score against. A version's criteria never change once
/// stored, so its scorer is built once.
/// </summary>
internal sealed class MatchExplainer(TimeProvider clock, PartnerInputCache partnerCache)
{
    private readonly ConcurrentDictionary<int, Scorer> scorers = new();

    /// <summary>The breakdown of each of <paramref name="rows"/>, read in a few queries whatever their number.</summary>
    public async Task<Func<MatchRow, IReadOnlyList<BreakdownItem>>> ForAsync(DbConnection c, IReadOnlyCollection<MatchRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return _ => [];
        var now = clock.GetUtcNow().UtcDateTime;
        var needs = (await ScoringInputs.NeedsAsync(c, null, rows.Select(r => r.NeedId).ToHashSet(), now, ct))
            .ToDictionary(n => n.Input.Id, n => n.Input);
        var partners = await partnerCache.ByIdAsync(c, now, ct);
        foreach (var version in rows.Select(r => r.CriteriaVersion).Distinct())
        {
            if (!scorers.ContainsKey(version))
                scorers[version] = new Scorer((await ProfileStore.FindAsync(c, null, version, ct))!.Profile);
        }

        var explained = rows.ToDictionary(r => r.Id, r => Items(scorers[r.CriteriaVersion].Explain(needs[r.NeedId], partners[r.PartnerId])));
        return row => explained[row.Id];
    }

    /// <summary>The breakdown of one match.</summary>
    public async Task<IReadOnlyList<BreakdownItem>> ForAsync(DbConnection c, MatchRow row, CancellationToken ct) =>
        (await ForAsync(c, [row], ct))(row);

    private static IReadOnlyList<BreakdownItem> Items(MatchScore score) =>
        score.Breakdown.Select(b => new BreakdownItem(b.Criterion, b.Weight, b.Score, b.Contribution, b.Reason)).ToList();
}
