using System.Collections.Concurrent;
using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Notifications;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Matching.Scoring;

/// <summary>
/// Keeps stored matches current when one need, SME or partner changes: re-scores its pairs for
/// the active criteria version (and the pending one while a job builds it) inside the caller's
/// transaction, so the write and its matches commit together.
/// </summary>
/// <remarks>
/// A closed need, or a need or partner <see cref="Vetting"/> does not list, takes no new pairs: its
/// suggestions are dropped and only the pairs someone acted on are scored again. While a job builds a version, what is re-scored is also noted in
/// <see cref="RescoreBacklog"/>, so the job's snapshot cannot leave an old score behind.
/// The changed side's cap is applied exactly. The other side's cap is checked against what is
/// stored (a pair is kept if that side holds fewer than its cap or the pair beats its weakest);
/// a pair this pushes past the other side's cap stays until the next full re-score.
/// </remarks>
internal sealed class Rescorer(PartnerInputCache partnerCache, SqlDialect dialect, Notifier notifier, Vetting vetting)
{
    private const int InListChunk = 1000;

    // Encoding every partner for a profile costs far more than scoring one need against them, and the
    // partner snapshot only changes when a partner does.
    private readonly ConcurrentDictionary<int, (IReadOnlyList<PartnerInput> Partners, ScoringContext Context)> contexts = new();

    /// <summary>The transaction a write that re-scores runs in (<see cref="MatchWrites"/>).</summary>
    public Task<DbTransaction> BeginAsync(DbConnection c, CancellationToken ct) => MatchWrites.BeginAsync(c, dialect, ct);

    /// <summary>The SME's open needs and its closed ones with deals, since they all carry the SME's attributes.</summary>
    public async Task RescoreSmeAsync(DbConnection c, DbTransaction tx, long smeId, DateTime now, CancellationToken ct) =>
        await RescoreNeedsAsync(c, tx, await NeedStore.ScoredIdsOfSmeAsync(c, tx, smeId, ct), now, ct);

    public async Task RescoreNeedsAsync(DbConnection c, DbTransaction tx, IReadOnlyCollection<long> needIds, DateTime now, CancellationToken ct)
    {
        var current = await ProfileStore.CurrentAsync(c, tx, ct);
        await RescoreBacklog.NoteNeedsAsync(c, tx, PendingOf(current), needIds, ct);
        await RescoreNeedsAsync(c, tx, needIds, current, current[0].Version, now, ct);
    }

    public async Task RescorePartnerAsync(DbConnection c, DbTransaction tx, long partnerId, DateTime now, CancellationToken ct)
    {
        var current = await ProfileStore.CurrentAsync(c, tx, ct);
        await RescoreBacklog.NotePartnerAsync(c, tx, PendingOf(current), partnerId, ct);
        await RescorePartnerAsync(c, tx, partnerId, current, current[0].Version, now, ct);
    }

    /// <summary>The version a job builds, when <see cref="ProfileStore.CurrentAsync"/> lists one after the active version.</summary>
    private static int? PendingOf(IReadOnlyList<ScoringProfile> current) => current.Count > 1 ? current[^1].Version : null;

    /// <summary>Scores what changed while a job built <paramref name="profile"/>'s version again, from the current rows.</summary>
    public async Task ReplayBacklogAsync(DbConnection c, DbTransaction tx, ScoringProfile profile, DateTime now, CancellationToken ct)
    {
        var (needIds, partnerIds) = await RescoreBacklog.TakeAsync(c, tx, profile.Version, ct);
        await RescoreNeedsAsync(c, tx, needIds, [profile], announce: null, now, ct);
        foreach (var partnerId in partnerIds)
            await RescorePartnerAsync(c, tx, partnerId, [profile], announce: null, now, ct);
    }

    /// <param name="announce">The version whose new suggestions are announced now: the active one; none while replaying a job's backlog, whose activation announces them.</param>
    private async Task RescoreNeedsAsync(DbConnection c, DbTransaction tx, IReadOnlyCollection<long> needIds, IReadOnlyList<ScoringProfile> profiles, int? announce, DateTime now, CancellationToken ct)
    {
        var needs = await ScoringInputs.NeedsAsync(c, tx, vetting, needIds, now, ct);
        if (needs.Count == 0)
            return;
        foreach (var closed in needs.Where(n => !n.IsRanked))
            await MatchStore.DropSuggestedOfNeedAsync(c, tx, closed.Input.Id, ct);

        var partners = await partnerCache.SnapshotAsync(c, tx, now, ct);
        var indexOf = new Dictionary<long, int>(partners.Count);
        for (var i = 0; i < partners.Count; i++)
            indexOf[partners[i].Id] = i;
        var actedOnByNeed = new Dictionary<long, HashSet<long>>();
        foreach (var need in needs)
            actedOnByNeed[need.Input.Id] = await MatchStore.ActedOnPartnersOfNeedAsync(c, tx, need.Input.Id, ct);
        var buffer = new List<(int Index, PairScore Score)>();
        foreach (var profile in profiles)
        {
            var context = ContextFor(profile, partners);
            foreach (var loaded in needs)
            {
                var need = loaded.Input;
                var actedOn = actedOnByNeed[need.Id];
                var kept = new HashSet<long>();
                if (loaded.IsRanked)
                {
                    context.ScoreNeed(need, buffer, actedOn);
                    var eligible = buffer.Where(b => context.IsEligible(b.Score))
                        .Select(b => (OtherId: partners[b.Index].Id, b.Score.Tenths))
                        .OrderByDescending(b => b.Tenths).ThenBy(b => b.OtherId)
                        .ToList();
                    kept = await KeepAsync(eligible, profile.MaxPerNeed, profile.MaxPerPartner,
                        ids => MatchStore.PartnerStandingAsync(c, tx, profile.Version, need.Id, ids, ct));
                }

                kept.UnionWith(actedOn.Where(indexOf.ContainsKey));
                var prepared = context.Prepare(need);
                var pairs = kept.Select(partnerId => new StoredPair(need.Id, partnerId, context.StoredScore(prepared, need, indexOf[partnerId]))).ToList();
                var created = await MatchStore.ReplaceForNeedAsync(c, tx, dialect, profile.Version, need.Id, pairs, now, ct);
                if (profile.Version == announce)
                    await SuggestionNotices.AnnounceAsync(notifier, c, tx, created, profile.Version, now, ct);
            }
        }
    }

    private async Task RescorePartnerAsync(DbConnection c, DbTransaction tx, long partnerId, IReadOnlyList<ScoringProfile> profiles, int? announce, DateTime now, CancellationToken ct)
    {
        var partner = (await ScoringInputs.PartnersAsync(c, tx, vetting, [partnerId], ct)).SingleOrDefault();
        if (partner is null)
            return;
        var actedOn = await MatchStore.ActedOnNeedsOfPartnerAsync(c, tx, partnerId, ct);
        var needs = (await ScoringInputs.ScoredNeedsAsync(c, tx, vetting, now, ct))
            .Where(n => n.IsRanked || actedOn.Contains(n.Input.Id))
            .ToDictionary(n => n.Input.Id);
        var buffer = new List<(int Index, PairScore Score)>();
        foreach (var profile in profiles)
        {
            var context = new ScoringContext(profile, [partner]);
            var self = new HashSet<long> { partnerId };
            var eligible = new List<(long OtherId, short Tenths)>();
            foreach (var loaded in needs.Values)
            {
                // A partner not listed takes part in no ranking; only the pairs someone acted on are scored again, below.
                if (!loaded.IsRanked || !partner.Listed)
                    continue;
                var need = loaded.Input;
                context.ScoreNeed(need, buffer, self);
                if (buffer.Count == 1 && context.IsEligible(buffer[0].Score))
                    eligible.Add((need.Id, buffer[0].Score.Tenths));
            }

            eligible.Sort((a, b) => b.Tenths != a.Tenths ? b.Tenths.CompareTo(a.Tenths) : a.OtherId.CompareTo(b.OtherId));
            var kept = await KeepAsync(eligible, profile.MaxPerPartner, profile.MaxPerNeed,
                ids => MatchStore.NeedStandingAsync(c, tx, profile.Version, partnerId, ids, ct));
            kept.UnionWith(actedOn.Where(needs.ContainsKey));
            var pairs = kept.Select(needId => new StoredPair(needId, partnerId, context.StoredScore(context.Prepare(needs[needId].Input), needs[needId].Input, 0))).ToList();
            var created = await MatchStore.ReplaceForPartnerAsync(c, tx, dialect, profile.Version, partnerId, pairs, now, ct);
            if (profile.Version == announce)
                await SuggestionNotices.AnnounceAsync(notifier, c, tx, created, profile.Version, now, ct);
        }
    }

    /// <summary>The profile compiled against this very partner snapshot; contexts of older snapshots are let go.</summary>
    private ScoringContext ContextFor(ScoringProfile profile, IReadOnlyList<PartnerInput> partners)
    {
        if (contexts.TryGetValue(profile.Version, out var cached) && ReferenceEquals(cached.Partners, partners))
            return cached.Context;
        var context = new ScoringContext(profile, partners);
        foreach (var stale in contexts.Where(c => !ReferenceEquals(c.Value.Partners, partners)).Select(c => c.Key).ToList())
            contexts.TryRemove(stale, out _);
        contexts[profile.Version] = (partners, context);
        return context;
    }

    /// <summary>This side's best <paramref name="ownCap"/>, plus those the other side still has room for or ranks above its weakest.</summary>
    private static async Task<HashSet<long>> KeepAsync(List<(long OtherId, short Tenths)> ranked, int ownCap, int otherCap,
        Func<IReadOnlyList<long>, Task<Dictionary<long, Standing>>> standingOf)
    {
        var kept = ranked.Take(ownCap).Select(r => r.OtherId).ToHashSet();
        var rest = ranked.Skip(ownCap).ToList();
        foreach (var chunk in rest.Chunk(InListChunk))
        {
            var standing = await standingOf(chunk.Select(r => r.OtherId).ToList());
            foreach (var (otherId, tenths) in chunk)
            {
                if (!standing.TryGetValue(otherId, out var s) || s.Stored < otherCap || tenths > (int)Math.Round(s.Weakest * 10))
                    kept.Add(otherId);
            }
        }

        return kept;
    }
}
