using System.Collections.Concurrent;
using System.Security.Claims;
using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Matching.Scoring;

/// <summary>
/// Builds the breakdowns that answers show. They are not stored: every write keeps a stored score
/// current with its need, the need's SME and the partner, so explaining the current rows under the
/// version that scored the pair gives the breakdown of that very score. Partners come from the
/// <see cref="PartnerInputCache"/> the writes score against. A version's criteria never change once
/// stored, so its scorer is built once.
/// </summary>
internal sealed class MatchExplainer(TimeProvider clock, PartnerInputCache partnerCache, Vetting vetting)
{
    private readonly ConcurrentDictionary<int, Scorer> scorers = new();

    /// <summary>The breakdown of each of <paramref name="rows"/>, with advice for <paramref name="reader"/>, read in a few queries whatever their number.</summary>
    public async Task<Func<MatchRow, IReadOnlyList<BreakdownItem>>> ForAsync(DbConnection c, IReadOnlyCollection<MatchRow> rows, ClaimsPrincipal reader, CancellationToken ct)
    {
        if (rows.Count == 0)
            return _ => [];
        var language = await ReaderLanguage.OfAsync(c, reader, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var needs = (await ScoringInputs.NeedsAsync(c, null, vetting, rows.Select(r => r.NeedId).ToHashSet(), now, ct))
            .ToDictionary(n => n.Input.Id, n => n.Input);
        var partners = await partnerCache.ByIdAsync(c, now, ct);
        foreach (var version in rows.Select(r => r.CriteriaVersion).Distinct())
        {
            if (!scorers.ContainsKey(version))
                scorers[version] = new Scorer((await ProfileStore.FindAsync(c, null, version, ct))!.Profile);
        }

        var explained = rows.ToDictionary(r => r.Id, r => Items(scorers[r.CriteriaVersion], needs[r.NeedId], partners[r.PartnerId], language));
        return row => explained[row.Id];
    }

    /// <summary>The breakdown of one match.</summary>
    public async Task<IReadOnlyList<BreakdownItem>> ForAsync(DbConnection c, MatchRow row, ClaimsPrincipal reader, CancellationToken ct) =>
        (await ForAsync(c, [row], reader, ct))(row);

    /// <summary>One pair's breakdown with its advice in <paramref name="language"/>.</summary>
    public static IReadOnlyList<BreakdownItem> Items(Scorer scorer, NeedInput need, PartnerInput partner, string language)
    {
        var explained = scorer.Explain(need, partner);
        return BreakdownItem.From(explained, scorer.Advise(need, partner, explained), language);
    }
}
