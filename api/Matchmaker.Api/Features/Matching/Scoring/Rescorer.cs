using System.Data.Common;
using Dapper;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Api.Features.Matching.Scoring;

/// <summary>
/// Keeps stored matches current when one need, SME or partner changes: re-scores its pairs for
/// the active criteria version (and the pending one while a job builds it) inside the caller's
/// transaction, so the write and its matches commit together.
/// </summary>
/// <remarks>
/// The changed side's cap is applied exactly. The other side's cap is checked against what is
/// stored (a pair is kept if that side holds fewer than its cap or the pair beats its weakest);
/// a pair this pushes past the other side's cap stays until the next full re-score.
/// </remarks>
internal sealed class Rescorer(PartnerFeatureCache partnerCache)
{
    private const int InListChunk = 1000;

    private const string PartnerStandingSql = """
        SELECT m.partner_id AS OwnerId, COUNT(*) AS Stored, MIN(ms.score) AS Weakest
        FROM matches m JOIN match_scores ms ON ms.match_id = m.id AND ms.criteria_version = @Version
        WHERE m.need_id <> @NeedId AND m.partner_id IN @Ids
        GROUP BY m.partner_id
        """;

    private const string NeedStandingSql = """
        SELECT m.need_id AS OwnerId, COUNT(*) AS Stored, MIN(ms.score) AS Weakest
        FROM matches m JOIN match_scores ms ON ms.match_id = m.id AND ms.criteria_version = @Version
        WHERE m.partner_id <> @PartnerId AND m.need_id IN @Ids
        GROUP BY m.need_id
        """;

    private const string ActedOnPartnersOfNeedSql = "SELECT partner_id FROM matches WHERE need_id = @NeedId AND status <> 'suggested'";

    private const string ActedOnNeedsOfPartnerSql = "SELECT need_id FROM matches WHERE partner_id = @PartnerId AND status <> 'suggested'";

    private const string OpenNeedsOfSmeSql = "SELECT id FROM needs WHERE sme_id = @SmeId AND status = 'open'";

    public async Task RescoreSmeAsync(DbConnection c, DbTransaction tx, long smeId, DateTime now, CancellationToken ct)
    {
        var needIds = (await c.QueryAsync<long>(new CommandDefinition(OpenNeedsOfSmeSql, new { SmeId = smeId }, tx, cancellationToken: ct))).ToList();
        await RescoreNeedsAsync(c, tx, needIds, now, ct);
    }

    public async Task RescoreNeedsAsync(DbConnection c, DbTransaction tx, IReadOnlyCollection<long> needIds, DateTime now, CancellationToken ct)
    {
        var needs = await FeatureLoader.NeedsAsync(c, tx, needIds, now, ct);
        foreach (var closed in needs.Where(n => !n.IsOpen))
            await PairWriter.DropSuggestedOfNeedAsync(c, tx, closed.Input.Id, ct);
        var open = needs.Where(n => n.IsOpen).Select(n => n.Input).ToList();
        if (open.Count == 0)
            return;

        var partners = await partnerCache.SnapshotAsync(c, tx, now, ct);
        var byId = partners.ToDictionary(p => p.Id);
        var actedOnByNeed = new Dictionary<long, HashSet<long>>();
        foreach (var need in open)
            actedOnByNeed[need.Id] = (await c.QueryAsync<long>(new CommandDefinition(ActedOnPartnersOfNeedSql, new { NeedId = need.Id }, tx, cancellationToken: ct))).ToHashSet();
        var buffer = new List<(int Index, PairScore Score)>();
        foreach (var profile in await ProfileStore.CurrentAsync(c, tx, ct))
        {
            var context = new ScoringContext(profile, partners);
            foreach (var need in open)
            {
                var actedOn = actedOnByNeed[need.Id];
                context.ScoreNeed(need, buffer, actedOn);
                var eligible = buffer.Where(b => context.IsEligible(b.Score))
                    .Select(b => (OtherId: partners[b.Index].Id, b.Score.Tenths))
                    .OrderByDescending(b => b.Tenths).ThenBy(b => b.OtherId)
                    .ToList();
                var kept = await KeepAsync(c, tx, PartnerStandingSql, "NeedId", need.Id, profile.Version, eligible, profile.MaxPerNeed, profile.MaxPerPartner, ct);
                kept.UnionWith(actedOn.Where(byId.ContainsKey));
                var pairs = kept.Select(partnerId => new StoredPair(need.Id, partnerId, context.Explain(need, byId[partnerId]))).ToList();
                await PairWriter.ReplaceForNeedAsync(c, tx, profile.Version, need.Id, pairs, now, ct);
            }
        }
    }

    public async Task RescorePartnerAsync(DbConnection c, DbTransaction tx, long partnerId, DateTime now, CancellationToken ct)
    {
        var partner = (await FeatureLoader.PartnersAsync(c, tx, [partnerId], ct)).SingleOrDefault();
        if (partner is null)
            return;
        var actedOn = (await c.QueryAsync<long>(new CommandDefinition(ActedOnNeedsOfPartnerSql, new { PartnerId = partnerId }, tx, cancellationToken: ct))).ToHashSet();
        var needs = (await FeatureLoader.ScoredNeedsAsync(c, tx, now, ct))
            .Where(n => n.IsOpen || actedOn.Contains(n.Input.Id))
            .Select(n => n.Input)
            .ToDictionary(n => n.Id);
        var buffer = new List<(int Index, PairScore Score)>();
        foreach (var profile in await ProfileStore.CurrentAsync(c, tx, ct))
        {
            var context = new ScoringContext(profile, [partner]);
            var self = new HashSet<long> { partnerId };
            var eligible = new List<(long OtherId, short Tenths)>();
            foreach (var need in needs.Values)
            {
                context.ScoreNeed(need, buffer, self);
                if (buffer.Count == 1 && context.IsEligible(buffer[0].Score))
                    eligible.Add((need.Id, buffer[0].Score.Tenths));
            }

            eligible.Sort((a, b) => b.Tenths != a.Tenths ? b.Tenths.CompareTo(a.Tenths) : a.OtherId.CompareTo(b.OtherId));
            var kept = await KeepAsync(c, tx, NeedStandingSql, "PartnerId", partnerId, profile.Version, eligible, profile.MaxPerPartner, profile.MaxPerNeed, ct);
            kept.UnionWith(actedOn.Where(needs.ContainsKey));
            var pairs = kept.Select(needId => new StoredPair(needId, partnerId, context.Explain(needs[needId], partner))).ToList();
            await PairWriter.ReplaceForPartnerAsync(c, tx, profile.Version, partnerId, pairs, now, ct);
        }
    }

    /// <summary>This side's best <paramref name="ownCap"/>, plus those the other side still has room for or ranks above its weakest.</summary>
    private static async Task<HashSet<long>> KeepAsync(DbConnection c, DbTransaction tx, string standingSql, string selfParameter, long selfId, int version,
        List<(long OtherId, short Tenths)> ranked, int ownCap, int otherCap, CancellationToken ct)
    {
        var kept = ranked.Take(ownCap).Select(r => r.OtherId).ToHashSet();
        var rest = ranked.Skip(ownCap).ToList();
        foreach (var chunk in rest.Chunk(InListChunk))
        {
            var args = new DynamicParameters(new { Version = version, Ids = chunk.Select(r => r.OtherId).ToList() });
            args.Add(selfParameter, selfId);
            var standing = (await c.QueryAsync<Standing>(new CommandDefinition(standingSql, args, tx, cancellationToken: ct))).ToDictionary(s => s.OwnerId);
            foreach (var (otherId, tenths) in chunk)
            {
                if (!standing.TryGetValue(otherId, out var s) || s.Stored < otherCap || tenths > (int)Math.Round(s.Weakest * 10))
                    kept.Add(otherId);
            }
        }

        return kept;
    }

    private sealed record Standing
    {
        public long OwnerId { get; init; }
        public int Stored { get; init; }
        public decimal Weakest { get; init; }
    }
}
