using Dapper;
using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaker.Tests.Harness;

/// <summary>
/// Everything the product promises about stored matches, checked against the records as they are
/// now: under the active criteria version, each stored score is what the engine computes
/// from the current need, SME and partner; each need's and partner's stored set is what the selection
/// rule keeps (the best pairs at or above the minimum within the caps, plus every pair someone acted
/// on, and nothing new on a closed or expired need, whose suggestions are gone once closed or once the expiry
/// sweep handled it); and each deal's status is the end of its event history. The check waits for the re-score
/// jobs in flight to end and reads everything in one transaction, so that it compares one state of the records.
/// </summary>
internal static class Invariants
{
    private const string MatchesSql = """
        SELECT m.id AS Id, m.need_id AS NeedId, m.partner_id AS PartnerId, m.status AS Status, m.mutual_at AS MutualAt,
               n.id AS NeedRowId, n.status AS NeedStatus, n.expiry_swept_at AS NeedSweptAt, p.id AS PartnerRowId,
               ms.score AS Score, s.verification AS SmeVerification, p.verification AS PartnerVerification
        FROM matches m
        LEFT JOIN needs n ON n.id = m.need_id
        LEFT JOIN smes s ON s.id = n.sme_id
        LEFT JOIN partners p ON p.id = m.partner_id
        LEFT JOIN match_scores ms ON ms.match_id = m.id AND ms.criteria_version = @Version
        """;

    private const string EventsSql = "SELECT match_id AS MatchId, from_status AS FromStatus, to_status AS ToStatus FROM match_events ORDER BY match_id, id";

    public static async Task AssertHoldAsync(ApiFixture api)
    {
        await using var connection = await api.OpenDatabaseAsync();
        await AssertHoldAsync(connection, api.Clock.UtcNow, api.App.Services.GetRequiredService<Vetting>());
    }

    /// <summary>
    /// The same check on any open connection to a Matchmaker database, for a process the tests started themselves;
    /// <paramref name="now"/> is the app's time (the system's when null), which says which needs have expired;
    /// <paramref name="vetting"/> the app's vetting rule (the default, on, when null).
    /// </summary>
    public static async Task AssertHoldAsync(System.Data.Common.DbConnection connection, DateTime? now = null, Vetting? vetting = null)
    {
        // The API registers these when it first connects; a test that only started it as another process has not.
        Matchmaker.Api.Infrastructure.Data.DapperTypeHandlers.Register();
        var asOf = now ?? DateTime.UtcNow;
        vetting ??= Vetting.On;
        await JobsSettled.WaitAsync(connection);
        // On SQLite a deferred transaction reads one snapshot; an immediate one would hold off the app's writers.
        await using var tx = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync();
        var version = await ProfileStore.ActiveVersionAsync(connection, tx, default);
        var profile = (await ProfileStore.FindAsync(connection, tx, version, default))!.Profile;
        var needs = (await ScoringInputs.ScoredNeedsAsync(connection, tx, vetting, asOf, default)).ToDictionary(n => n.Input.Id);
        var partners = await ScoringInputs.PartnersAsync(connection, tx, vetting, default);
        var partnerById = partners.ToDictionary(p => p.Id);
        var stored = (await connection.QueryAsync<StoredMatch>(MatchesSql, new { Version = version }, tx)).ToList();
        var events = (await connection.QueryAsync<EventRow>(EventsSql, transaction: tx)).ToLookup(e => e.MatchId);
        await tx.CommitAsync();

        var scorer = new Scorer(profile);
        var broken = new List<string>();
        foreach (var m in stored)
        {
            var pair = $"match {m.Id} (need {m.NeedId}, partner {m.PartnerId}, {m.Status})";
            if (m.NeedRowId is null || m.PartnerRowId is null)
            {
                broken.Add($"{pair} has no need or no partner");
                continue;
            }

            if (m.Status == MatchStatus.Suggested && m.NeedStatus == "closed")
                broken.Add($"{pair} is a suggestion on a closed need");
            if (m.Status == MatchStatus.Suggested && m.NeedSweptAt is not null)
                broken.Add($"{pair} is a suggestion on an expired need the expiry sweep handled");
            if (m.Status == MatchStatus.Suggested && !(vetting.Lists(m.SmeVerification ?? "") && vetting.Lists(m.PartnerVerification ?? "")))
                broken.Add($"{pair} is a suggestion of a profile that is not verified (SME {m.SmeVerification}, partner {m.PartnerVerification})");
            CheckHistory(m, events[m.Id].ToList(), pair, broken);
            if (m.Score is null)
            {
                broken.Add($"{pair} has no score under the active version {version}");
                continue;
            }

            if (!needs.TryGetValue(m.NeedId, out var need))
            {
                broken.Add($"{pair} is stored for a need that carries no scores");
                continue;
            }

            var expected = scorer.Explain(need.Input, partnerById[m.PartnerId]);
            CheckScore(m, expected, pair, broken);
        }

        CheckSelection(profile, needs.Values.ToList(), partners, stored, broken);
        Assert.True(broken.Count == 0, $"{broken.Count} broken invariant(s):\n" + string.Join("\n", broken.Take(40)));
    }

    private static void CheckScore(StoredMatch m, MatchScore expected, string pair, List<string> broken)
    {
        var score = (decimal)Math.Round(expected.Score, 1, MidpointRounding.AwayFromZero);
        if (m.Score != score)
            broken.Add($"{pair} stores {m.Score} where the engine computes {score} from the current records");
    }

    /// <summary>The deal's events run from <c>suggested</c> to its current status, each starting where the last ended.</summary>
    private static void CheckHistory(StoredMatch m, List<EventRow> history, string pair, List<string> broken)
    {
        var at = MatchStatus.Suggested;
        foreach (var e in history)
        {
            if (e.FromStatus != at)
                broken.Add($"{pair} has an event from '{e.FromStatus}' where its history stood at '{at}'");
            at = e.ToStatus;
        }

        if (at != m.Status)
            broken.Add($"{pair} is '{m.Status}' but its events end at '{at}'");
        if ((m.MutualAt is not null) != history.Any(e => e.ToStatus == MatchStatus.Mutual))
            broken.Add($"{pair} has mutual_at {(m.MutualAt is null ? "unset" : "set")} against its events");
    }

    private static void CheckSelection(ScoringProfile profile, List<LoadedNeed> needs, IReadOnlyList<PartnerInput> partners, List<StoredMatch> stored, List<string> broken)
    {
        var actedOn = stored.Where(m => m.Status != MatchStatus.Suggested).Select(m => (m.NeedId, m.PartnerId)).ToHashSet();
        var context = new ScoringContext(profile, partners);
        var selection = MatchSelection.For(profile);
        var buffer = new List<(int Index, PairScore Score)>();
        foreach (var need in needs.Where(n => n.IsRanked).Select(n => n.Input).OrderBy(n => n.Id))
        {
            var acted = actedOn.Where(a => a.NeedId == need.Id).Select(a => a.PartnerId).ToHashSet();
            context.ScoreNeed(need, buffer, acted);
            var candidates = buffer.Select(b => new ScoredPair(need.Id, partners[b.Index].Id, b.Score, acted.Contains(partners[b.Index].Id))).ToArray();
            selection.AddNeed(need.Id, candidates);
        }

        var expected = selection.Select().Select(p => (p.NeedId, p.PartnerId)).ToHashSet();
        var unranked = needs.Where(n => !n.IsRanked).Select(n => n.Input.Id).ToHashSet();
        expected.UnionWith(actedOn.Where(a => unranked.Contains(a.NeedId)));
        var closed = needs.Where(n => !n.IsOpen).Select(n => n.Input.Id).ToHashSet();
        // An expired need's suggestions are out of every list from the instant it expires, and stored until the
        // expiry sweep (or a write to either side) drops them: until then they are neither kept nor missing.
        var awaitingSweep = stored.Where(m => m.Status == MatchStatus.Suggested && m.NeedSweptAt is null && closed.Contains(m.NeedId) && m.NeedStatus == "open")
            .Select(m => (m.NeedId, m.PartnerId)).ToHashSet();
        var actual = stored.Select(m => (m.NeedId, m.PartnerId)).Where(p => !awaitingSweep.Contains(p)).ToHashSet();
        foreach (var missing in expected.Except(actual).Take(20))
            broken.Add($"(need {missing.NeedId}, partner {missing.PartnerId}) is kept by the selection rule but not stored");
        foreach (var extra in actual.Except(expected).Take(20))
            broken.Add($"(need {extra.NeedId}, partner {extra.PartnerId}) is stored but the selection rule does not keep it");
    }

    private sealed record StoredMatch
    {
        public long Id { get; init; }
        public long NeedId { get; init; }
        public long PartnerId { get; init; }
        public string Status { get; init; } = "";
        public DateTime? MutualAt { get; init; }
        public long? NeedRowId { get; init; }
        public string? NeedStatus { get; init; }
        public DateTime? NeedSweptAt { get; init; }
        public long? PartnerRowId { get; init; }
        public decimal? Score { get; init; }
        public string? SmeVerification { get; init; }
        public string? PartnerVerification { get; init; }
    }

    private sealed record EventRow
    {
        public long MatchId { get; init; }
        public string FromStatus { get; init; } = "";
        public string ToStatus { get; init; } = "";
    }
}
