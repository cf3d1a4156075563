using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Needs.Expiry;
using Matchmaker.Api.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaker.Tests.Features.Needs;

/// <summary>
/// Needs that expire and are renewed. A test posts a need with the app's clock set back by more than
/// <c>Needs:Validity</c>, then lets the clock return to the present, which lies past the need's <c>expiresAt</c>:
/// tokens and partner writes stay in the present, where the app's token checks and partner cache expect them.
/// The background sweep is slowed to once a day here, so a test decides when a sweep runs.
/// </summary>
public abstract class NeedExpiryTests<TApi>(TApi api) where TApi : ApiFixture
{
    private static readonly TimeSpan Validity = NeedOptions.Defaults.Validity;

    protected TApi Api { get; } = api;

    [Fact]
    public async Task A_new_need_expires_after_the_configured_validity()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(Api);
        var before = Api.Clock.UtcNow;

        var created = await Expect.StatusAsync(await owner.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", Bodies.Need()), 201);

        var expiresAt = created["expiresAt"]!.GetValue<DateTime>().ToUniversalTime();
        Assert.InRange(expiresAt, before + Validity, Api.Clock.UtcNow + Validity);
        Assert.Equal("open", created["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task A_client_cannot_set_expires_at(string method)
    {
        var (owner, smeId) = await Create.SmeAccountAsync(Api);
        var needId = await Create.NeedAsync(owner, smeId);
        var body = Bodies.Need();
        body["expiresAt"] = "2099-01-01T00:00:00Z";

        var response = method == "POST"
            ? await owner.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", body)
            : await owner.Client.PutAsync($"/api/v1/needs/{needId}", body, (await owner.Client.GetAsync($"/api/v1/needs/{needId}")).ETag());

        await Expect.ProblemAsync(response, 400);
        var need = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        Assert.NotEqual(2099, need["expiresAt"]!.GetValue<DateTime>().Year);
    }

    [Fact]
    public async Task An_expired_need_leaves_the_partner_lists_at_once_and_its_deals_in_progress_stay()
    {
        var cast = await CastAsync();
        var needId = cast.NeedId;

        Assert.DoesNotContain(needId, await PartnerListAsync(cast.Partner, cast.PartnerId));
        Assert.Contains(needId, await PartnerListAsync(cast.DealPartner, cast.DealPartnerId));
        var needMatches = await Paging.AllAsync(cast.Owner.Client, $"/api/v1/needs/{needId}/matches", 100);
        Assert.Equal([cast.DealPartnerId.ToString()], needMatches.Select(m => m["partnerId"]!.GetValue<string>()));
        Assert.Equal("expired", needMatches.Single()["need"]!["status"]!.GetValue<string>());
        var need = await Expect.StatusAsync(await cast.Owner.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        Assert.Equal("expired", need["status"]!.GetValue<string>());
        Assert.True(await StoredMatchesAsync(needId) >= 2, "the sweep has not been by: the suggestions are still stored");
        var suggestion = await MatchIdAsync(needId, cast.PartnerId);
        await Expect.ProblemAsync(await Matches.PostActionAsync(cast.Partner.Client, suggestion, "interest"), 409);

        var sweep = await SweepAsync();

        Assert.True(sweep.Expired >= 1);
        Assert.Equal(1, await StoredMatchesAsync(needId));
        var deal = await Expect.StatusAsync(await cast.DealPartner.Client.GetAsync($"/api/v1/matches/{cast.DealMatchId}"), 200);
        Assert.Equal("partner_interested", deal["status"]!.GetValue<string>());
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Searches_list_an_expired_need_as_expired_and_not_as_open()
    {
        var cast = await CastAsync();

        var open = Ids(await Expect.StatusAsync(await cast.Partner.Client.GetAsync("/api/v1/needs?limit=100"), 200));
        var expired = Ids(await Expect.StatusAsync(await cast.Partner.Client.GetAsync("/api/v1/needs?status=expired&limit=100"), 200));
        var ofSme = await Expect.StatusAsync(await cast.Owner.Client.GetAsync($"/api/v1/smes/{cast.SmeId}/needs"), 200);

        Assert.DoesNotContain(cast.NeedId.ToString(), open);
        Assert.Contains(cast.NeedId.ToString(), expired);
        Assert.Equal("expired", ofSme["items"]!.AsArray().Single(n => n!["id"]!.GetValue<string>() == cast.NeedId.ToString())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Renewing_an_expired_need_opens_it_again_and_brings_its_suggestions_back_with_current_scores()
    {
        var cast = await CastAsync();
        var scoreBefore = cast.SuggestionScore;
        await SweepAsync();
        Assert.Equal(1, await StoredMatchesAsync(cast.NeedId));
        var partner = await cast.Partner.Client.GetAsync($"/api/v1/partners/{cast.PartnerId}");
        var changed = Bodies.Partner();
        changed["offerings"] = Bodies.Array("equipment_supply", "joint_venture");
        await Expect.StatusAsync(await cast.Partner.Client.PutAsync($"/api/v1/partners/{cast.PartnerId}", changed, partner.ETag()), 200);
        var now = Api.Clock.UtcNow;

        var response = await cast.Owner.Client.PostAsync($"/api/v1/needs/{cast.NeedId}/renew", null);

        var renewed = await Expect.StatusAsync(response, 200);
        Assert.Equal("open", renewed["status"]!.GetValue<string>());
        Assert.InRange(renewed["expiresAt"]!.GetValue<DateTime>().ToUniversalTime(), now + Validity, Api.Clock.UtcNow + Validity);
        Assert.NotNull(response.Headers.ETag);
        var listed = await Paging.AllAsync(cast.Partner.Client, $"/api/v1/partners/{cast.PartnerId}/matches", 100);
        var suggestion = listed.Single(m => m["needId"]!.GetValue<string>() == cast.NeedId.ToString());
        Assert.Equal("suggested", suggestion["status"]!.GetValue<string>());
        Assert.Equal(scoreBefore + 10.0m, suggestion["score"]!.GetValue<decimal>());
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Renewing_an_open_need_extends_it()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(Api);
        var created = await Expect.StatusAsync(await owner.Client.PostAsJsonAsync($"/api/v1/smes/{smeId}/needs", Bodies.Need()), 201);
        var needId = created["id"]!.GetValue<string>();
        var before = Api.Clock.UtcNow;

        var renewed = await Expect.StatusAsync(await owner.Client.PostAsync($"/api/v1/needs/{needId}/renew", null), 200);

        Assert.Equal("open", renewed["status"]!.GetValue<string>());
        Assert.True(renewed["expiresAt"]!.GetValue<DateTime>() > created["expiresAt"]!.GetValue<DateTime>());
        Assert.True(renewed["expiresAt"]!.GetValue<DateTime>().ToUniversalTime() >= before + Validity);
    }

    [Fact]
    public async Task Renewing_a_closed_need_answers_409_and_changes_nothing()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(Api);
        var needId = await Create.NeedAsync(owner, smeId);
        var closed = await Expect.StatusAsync(await owner.Client.PostAsJsonAsync($"/api/v1/needs/{needId}/close", new JsonObject()), 200);

        await Expect.ProblemAsync(await owner.Client.PostAsync($"/api/v1/needs/{needId}/renew", null), 409);

        var read = await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        Assert.True(JsonNode.DeepEquals(closed, read), $"closed {closed.ToJsonString()} but read {read.ToJsonString()}");
    }

    [Fact]
    public async Task Changing_an_expired_need_keeps_it_expired_and_unmatched()
    {
        var cast = await CastAsync();
        var read = await cast.Owner.Client.GetAsync($"/api/v1/needs/{cast.NeedId}");

        var updated = await Expect.StatusAsync(await cast.Owner.Client.PutAsync($"/api/v1/needs/{cast.NeedId}", Bodies.Need(title: "CNC line, revised"), read.ETag()), 200);

        Assert.Equal("expired", updated["status"]!.GetValue<string>());
        Assert.Equal("CNC line, revised", updated["title"]!.GetValue<string>());
        Assert.Equal(1, await StoredMatchesAsync(cast.NeedId));
        Assert.DoesNotContain(cast.NeedId, await PartnerListAsync(cast.Partner, cast.PartnerId));
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Closing_an_expired_need_closes_it()
    {
        var cast = await CastAsync();

        var closed = await Expect.StatusAsync(await cast.Owner.Client.PostAsJsonAsync($"/api/v1/needs/{cast.NeedId}/close", new JsonObject()), 200);

        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        await Expect.ProblemAsync(await cast.Owner.Client.PostAsync($"/api/v1/needs/{cast.NeedId}/renew", null), 409);
    }

    [Fact]
    public async Task The_summary_counts_expired_needs_apart_from_open_ones()
    {
        var agency = await Api.UserAsync("agency");
        var before = await Expect.StatusAsync(await agency.Client.GetAsync("/api/v1/reports/summary"), 200);
        var (owner, smeId) = await Create.SmeAccountAsync(Api);
        await PostInThePastAsync(owner, smeId, Validity + TimeSpan.FromDays(1), Bodies.Need(amount: 123_000m));
        await Create.NeedAsync(owner, smeId, Bodies.Need(amount: 7_000m));
        await Reports.ProfileStates.SetAsync(Api, "smes", smeId, "verified");

        var after = await Expect.StatusAsync(await agency.Client.GetAsync("/api/v1/reports/summary"), 200);

        Assert.Equal(Count(before, "openNeeds") + 1, Count(after, "openNeeds"));
        Assert.Equal(Count(before, "expiredNeeds") + 1, Count(after, "expiredNeeds"));
        Assert.Equal(before["requestedInvestmentUsd"]!.GetValue<decimal>() + 7_000m, after["requestedInvestmentUsd"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Two_sweeps_at_once_hand_each_expired_need_over_once()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(Api);
        await Create.PartnerAccountAsync(Api);
        var needs = new List<Guid>();
        for (var i = 0; i < 3; i++)
            needs.Add(await PostInThePastAsync(owner, smeId, Validity + TimeSpan.FromDays(1)));
        var notifier = new RecordingNotifier();

        var results = await Task.WhenAll(Sweeper(notifier).SweepAsync(default), Sweeper(notifier).SweepAsync(default));

        Assert.Equal(results.Sum(r => r.Expired), notifier.Expired.Count);
        foreach (var need in needs)
        {
            Assert.Single(notifier.Expired, n => n == need);
            Assert.Equal(0, await StoredMatchesAsync(need));
        }

        Assert.Equal(0, (await Sweeper(notifier).SweepAsync(default)).Expired);
    }

    [Fact]
    public async Task A_reminder_is_claimed_once_within_reminder_before_and_again_after_a_renewal()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(Api);
        var dueSoon = await PostInThePastAsync(owner, smeId, Validity - TimeSpan.FromDays(7));
        var notDue = await Create.NeedAsync(owner, smeId);
        var notifier = new RecordingNotifier();

        await Sweeper(notifier).SweepAsync(default);
        await Sweeper(notifier).SweepAsync(default);
        Assert.Single(notifier.Expiring, n => n == dueSoon);
        Assert.DoesNotContain(notDue, notifier.Expiring);

        // Renewed 167 days ago, so it expires in 13 days: its reminder is due again.
        var renewedAgo = Validity - TimeSpan.FromDays(13);
        Api.Clock.Advance(-renewedAgo);
        try
        {
            await Expect.StatusAsync(await owner.Client.PostAsync($"/api/v1/needs/{dueSoon}/renew", null), 200);
        }
        finally
        {
            Api.Clock.Advance(renewedAgo);
        }

        await Sweeper(notifier).SweepAsync(default);

        Assert.Equal(2, notifier.Expiring.Count(n => n == dueSoon));
    }

    /// <summary>
    /// An SME whose need expired a day ago, with a partner that still holds its suggestion and another partner that
    /// showed interest (a deal in progress) before it expired; the sweep has not been by.
    /// </summary>
    private async Task<ExpiryCast> CastAsync()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(Api);
        var (partner, partnerId) = await Create.PartnerAccountAsync(Api);
        var (dealPartner, dealPartnerId) = await Create.PartnerAccountAsync(Api);
        Guid dealMatchId = default;
        decimal score = 0;
        var needId = await PostInThePastAsync(owner, smeId, Validity + TimeSpan.FromDays(1), async id =>
        {
            dealMatchId = await MatchIdAsync(id, dealPartnerId);
            await Matches.ActAsync(dealPartner.Client, dealMatchId, "interest");
            var listed = await Paging.AllAsync(partner.Client, $"/api/v1/partners/{partnerId}/matches", 100);
            Assert.Equal("open", listed.Single(m => m["needId"]!.GetValue<string>() == id.ToString())["need"]!["status"]!.GetValue<string>());
            score = listed.Single(m => m["needId"]!.GetValue<string>() == id.ToString())["score"]!.GetValue<decimal>();
        });
        return new ExpiryCast(owner, smeId, needId, partner, partnerId, dealPartner, dealPartnerId, dealMatchId, score);
    }

    private Task<Guid> PostInThePastAsync(Actor owner, Guid smeId, TimeSpan ago, Func<Task> whileOpen) =>
        PostInThePastAsync(owner, smeId, ago, null, _ => whileOpen());

    private Task<Guid> PostInThePastAsync(Actor owner, Guid smeId, TimeSpan ago, Func<Guid, Task> whileOpen) =>
        PostInThePastAsync(owner, smeId, ago, null, whileOpen);

    private Task<Guid> PostInThePastAsync(Actor owner, Guid smeId, TimeSpan ago, JsonObject? body = null) =>
        PostInThePastAsync(owner, smeId, ago, body, _ => Task.CompletedTask);

    /// <summary>Posts a need <paramref name="ago"/> before now and runs <paramref name="whileOpen"/> then, before the clock returns.</summary>
    private async Task<Guid> PostInThePastAsync(Actor owner, Guid smeId, TimeSpan ago, JsonObject? body, Func<Guid, Task> whileOpen)
    {
        Api.Clock.Advance(-ago);
        try
        {
            var needId = await Create.NeedAsync(owner, smeId, body);
            await whileOpen(needId);
            return needId;
        }
        finally
        {
            Api.Clock.Advance(ago);
        }
    }

    private static async Task<List<Guid>> PartnerListAsync(Actor partner, Guid partnerId) =>
        (await Paging.AllAsync(partner.Client, $"/api/v1/partners/{partnerId}/matches", 100)).Select(m => Guid.Parse(m["needId"]!.GetValue<string>())).ToList();

    private async Task<Guid> MatchIdAsync(Guid needId, Guid partnerId)
    {
        await using var connection = await Api.OpenDatabaseAsync();
        return await connection.QuerySingleAsync<Guid>(
            "SELECT m.public_id FROM matches m JOIN needs n ON n.id = m.need_id JOIN partners p ON p.id = m.partner_id WHERE n.public_id = @Need AND p.public_id = @Partner",
            new { Need = Api.KeyOf(needId), Partner = Api.KeyOf(partnerId) });
    }

    private async Task<int> StoredMatchesAsync(Guid needId)
    {
        await using var connection = await Api.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM matches m JOIN needs n ON n.id = m.need_id WHERE n.public_id = @Id", new { Id = Api.KeyOf(needId) });
    }

    private Task<SweepResult> SweepAsync() => Api.App.Services.GetRequiredService<NeedExpiry>().SweepAsync(default);

    /// <summary>A sweep as a second instance would run it, handing what it claims to <paramref name="notifier"/>.</summary>
    private NeedExpiry Sweeper(INeedExpiryNotifier notifier)
    {
        var services = Api.App.Services;
        return new NeedExpiry(services.GetRequiredService<ConnectionFactory>(), services.GetRequiredService<SqlDialect>(),
            services.GetRequiredService<Rescorer>(), services.GetRequiredService<NeedOptions>(), services.GetRequiredService<TimeProvider>(), [notifier]);
    }

    private static List<string> Ids(JsonNode page) => page["items"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();

    private static long Count(JsonNode summary, string field) => summary[field]!.GetValue<long>();

    private sealed record ExpiryCast(
        Actor Owner, Guid SmeId, Guid NeedId, Actor Partner, Guid PartnerId, Actor DealPartner, Guid DealPartnerId, Guid DealMatchId, decimal SuggestionScore);

    private sealed class RecordingNotifier : INeedExpiryNotifier
    {
        private readonly object gate = new();

        public List<Guid> Expired { get; } = [];

        public List<Guid> Expiring { get; } = [];

        public Task NeedsExpiringAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<NeedRow> needs, DateTime now, CancellationToken ct) =>
            Record(Expiring, needs);

        public Task NeedsExpiredAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<NeedRow> needs, DateTime now, CancellationToken ct) =>
            Record(Expired, needs);

        private Task Record(List<Guid> into, IReadOnlyList<NeedRow> needs)
        {
            lock (gate)
                into.AddRange(needs.Select(n => n.PublicId));
            return Task.CompletedTask;
        }
    }
}

/// <summary>The background sweep slowed to once a day, so the tests decide when a sweep runs.</summary>
public sealed class ManualSweepSqliteApi : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => ManualSweep.Settings;
}

public sealed class ManualSweepSqlServerApi : SqlServerApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => ManualSweep.Settings;
}

internal static class ManualSweep
{
    public static IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Needs:SweepInterval"] = "1.00:00:00" };
}

public sealed class NeedExpiryTestsOnSqlite(ManualSweepSqliteApi api) : NeedExpiryTests<ManualSweepSqliteApi>(api), IClassFixture<ManualSweepSqliteApi>;

public sealed class NeedExpiryTestsOnSqlServer : NeedExpiryTests<ManualSweepSqlServerApi>, IClassFixture<ManualSweepSqlServerApi>
{
    public NeedExpiryTestsOnSqlServer(ManualSweepSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
