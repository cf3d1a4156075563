using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Api.Features.Matching.Outcomes.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaker.Tests.Features.Verification;

/// <summary>
/// Profiles take part in the programme only once an agency verified them: before that neither the profile nor its
/// needs are seen by the other side or matched, and its owner sees nothing of the other side.
/// </summary>
public abstract class VettingTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    [Fact]
    public async Task An_unverified_partner_sees_no_sme_need_or_match_is_matched_with_no_one_and_is_matched_in_the_answer_that_verifies_it()
    {
        var agency = await Api.UserAsync("agency");
        var (smeOwner, smeId) = await Create.SmeAccountAsync(Api);
        await Vet.VerifyAsync(agency, "sme", smeId);
        var needId = await Create.NeedAsync(smeOwner, smeId);
        var (partnerOwner, partnerId) = await Create.PartnerAccountAsync(Api);

        var pending = await Expect.StatusAsync(await partnerOwner.Client.GetAsync($"/api/v1/partners/{partnerId}"), 200);
        Assert.Equal("pending", pending["verification"]!.GetValue<string>());
        Assert.Equal("pending", (await Expect.StatusAsync(await partnerOwner.Client.GetAsync("/api/v1/auth/me"), 200))["profileVerification"]!.GetValue<string>());
        foreach (var directory in new[] { "/api/v1/smes", "/api/v1/needs", $"/api/v1/partners/{partnerId}/matches" })
        {
            var refusal = await Expect.ProblemAsync(await partnerOwner.Client.GetAsync(directory), 403);
            Assert.Contains("verif", refusal["detail"]!.GetValue<string>());
        }

        foreach (var record in new[] { $"/api/v1/smes/{smeId}", $"/api/v1/needs/{needId}", $"/api/v1/smes/{smeId}/needs" })
            await Expect.ProblemAsync(await partnerOwner.Client.GetAsync(record), 404);
        await Expect.ProblemAsync(await smeOwner.Client.GetAsync($"/api/v1/partners/{partnerId}"), 404);
        Assert.DoesNotContain(partnerId, await Vet.PartnersMatchedToAsync(smeOwner, needId));
        Assert.DoesNotContain(partnerId, await Vet.PartnersMatchedToAsync(agency, needId));
        Assert.Contains(partnerId, await Vet.QueueAsync(agency, "partner"));
        await Invariants.AssertHoldAsync(Api);

        var verified = await Vet.VerifyAsync(agency, "partner", partnerId);

        Assert.Equal("verified", verified["verification"]!.GetValue<string>());
        Assert.Equal("verified", (await Expect.StatusAsync(await partnerOwner.Client.GetAsync("/api/v1/auth/me"), 200))["profileVerification"]!.GetValue<string>());
        Assert.Contains(partnerId, await Vet.PartnersMatchedToAsync(smeOwner, needId));
        var partnerMatches = await Expect.StatusAsync(await partnerOwner.Client.GetAsync($"/api/v1/partners/{partnerId}/matches"), 200);
        Assert.Contains(partnerMatches["items"]!.AsArray(), m => m!["needId"]!.GetValue<string>() == needId.ToString());
        await Expect.StatusAsync(await partnerOwner.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        await Expect.StatusAsync(await partnerOwner.Client.GetAsync($"/api/v1/smes/{smeId}"), 200);
        Assert.DoesNotContain(partnerId, await Vet.QueueAsync(agency, "partner"));
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task A_need_of_an_unverified_sme_is_seen_by_no_partner_and_matched_with_no_one_until_the_sme_is_verified()
    {
        var agency = await Api.UserAsync("agency");
        var (partnerOwner, partnerId) = await Create.PartnerAccountAsync(Api);
        await Vet.VerifyAsync(agency, "partner", partnerId);
        var (smeOwner, smeId) = await Create.SmeAccountAsync(Api);
        var needId = await Create.NeedAsync(smeOwner, smeId);

        await Expect.ProblemAsync(await smeOwner.Client.GetAsync($"/api/v1/needs/{needId}/matches"), 403);
        await Expect.ProblemAsync(await smeOwner.Client.GetAsync($"/api/v1/needs/{needId}/near-misses"), 403);
        await Expect.StatusAsync(await smeOwner.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        await Expect.ProblemAsync(await partnerOwner.Client.GetAsync($"/api/v1/needs/{needId}"), 404);
        var search = await Expect.StatusAsync(await partnerOwner.Client.GetAsync("/api/v1/needs?limit=100"), 200);
        Assert.DoesNotContain(search["items"]!.AsArray(), n => n!["id"]!.GetValue<string>() == needId.ToString());
        Assert.Empty(await Vet.PartnersMatchedToAsync(agency, needId));

        await Vet.VerifyAsync(agency, "sme", smeId);

        Assert.Contains(partnerId, await Vet.PartnersMatchedToAsync(smeOwner, needId));
        await Expect.StatusAsync(await partnerOwner.Client.GetAsync($"/api/v1/needs/{needId}"), 200);
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task A_rejection_needs_a_note_shows_it_to_the_owner_drops_the_suggestions_and_keeps_the_deals()
    {
        var agency = await Api.UserAsync("agency");
        var (smeOwner, smeId) = await Create.SmeAccountAsync(Api);
        await Vet.VerifyAsync(agency, "sme", smeId);
        var needId = await Create.NeedAsync(smeOwner, smeId);
        var dealNeedId = await Create.NeedAsync(smeOwner, smeId, Bodies.Need(title: "Second CNC line"));
        var (partnerOwner, partnerId) = await Create.PartnerAccountAsync(Api);
        await Vet.VerifyAsync(agency, "partner", partnerId);
        var deal = (await Expect.StatusAsync(await smeOwner.Client.GetAsync($"/api/v1/needs/{dealNeedId}/matches"), 200))["items"]!.AsArray()
            .Single(m => m!["partnerId"]!.GetValue<string>() == partnerId.ToString())!["id"]!.GetValue<string>();
        await Expect.StatusAsync(await partnerOwner.Client.PostAsync($"/api/v1/matches/{deal}/interest", null), 200);

        await Expect.ProblemAsync(await Vet.DecideAsync(agency, "partner", partnerId, "rejected"), 400, "note");
        await Expect.ProblemAsync(await Vet.DecideAsync(agency, "partner", partnerId, "maybe", "no"), 400, "decision");
        var rejected = await Expect.StatusAsync(await Vet.DecideAsync(agency, "partner", partnerId, "rejected", "The USCC is another firm's."), 200);

        Assert.Equal("rejected", rejected["verification"]!.GetValue<string>());
        var own = await Expect.StatusAsync(await partnerOwner.Client.GetAsync($"/api/v1/partners/{partnerId}"), 200);
        Assert.Equal("The USCC is another firm's.", own["verificationNote"]!.GetValue<string>());
        var inbox = await Expect.StatusAsync(await partnerOwner.Client.GetAsync("/api/v1/inbox"), 200);
        var told = Assert.Single(inbox["items"]!.AsArray(), i => i!["kind"]!.GetValue<string>() == "profile_rejected");
        Assert.Contains("The USCC is another firm's.", told!["text"]!.GetValue<string>());
        var seen = await Vet.PartnersMatchedToAsync(agency, needId);
        Assert.DoesNotContain(partnerId, seen);
        var kept = await Expect.StatusAsync(await agency.Client.GetAsync($"/api/v1/matches/{deal}"), 200);
        Assert.Equal("partner_interested", kept["status"]!.GetValue<string>());
        await Expect.ProblemAsync(await smeOwner.Client.GetAsync($"/api/v1/matches/{deal}"), 404);
        await Expect.ProblemAsync(await partnerOwner.Client.GetAsync($"/api/v1/matches/{deal}"), 404);
        Assert.DoesNotContain(partnerId, await Vet.PartnersMatchedToAsync(smeOwner, dealNeedId));
        await Invariants.AssertHoldAsync(Api);

        var edit = await partnerOwner.Client.GetAsync($"/api/v1/partners/{partnerId}");
        var body = Bodies.Partner();
        var put = await partnerOwner.Client.PutAsync($"/api/v1/partners/{partnerId}", body, edit.ETag());
        Assert.Equal("pending", (await Expect.StatusAsync(put, 200))["verification"]!.GetValue<string>());
        Assert.Contains(partnerId, await Vet.QueueAsync(agency));

        await Vet.VerifyAsync(agency, "partner", partnerId);
        Assert.Equal("partner_interested", (await Expect.StatusAsync(await smeOwner.Client.GetAsync($"/api/v1/matches/{deal}"), 200))["status"]!.GetValue<string>());
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task A_deal_with_a_party_waiting_for_the_agency_is_asked_for_its_outcome_only_once_both_are_verified()
    {
        var agency = await Api.UserAsync("agency");
        var (smeOwner, smeId) = await Create.SmeAccountAsync(Api);
        await Vet.VerifyAsync(agency, "sme", smeId);
        var needId = await Create.NeedAsync(smeOwner, smeId);
        var (partnerOwner, partnerId) = await Create.PartnerAccountAsync(Api);
        await Vet.VerifyAsync(agency, "partner", partnerId);
        var deal = await Matches.IdAsync(smeOwner.Client, needId, partnerId);
        await Matches.ActAsync(smeOwner.Client, deal, "interest");
        await Matches.ActAsync(partnerOwner.Client, deal, "interest");
        await Matches.ActAsync(smeOwner.Client, deal, "stage", new JsonObject { ["stage"] = "agreement" });
        await using (var connection = await Api.OpenDatabaseAsync())
        {
            await connection.ExecuteAsync(
                "UPDATE match_events SET created_at = @At WHERE to_status = 'agreement' AND match_id = (SELECT id FROM matches WHERE public_id = @Match)",
                new { At = Api.Clock.UtcNow.AddMonths(-3).AddDays(-1), Match = Api.KeyOf(deal) });
        }

        await Expect.StatusAsync(await Vet.DecideAsync(agency, "partner", partnerId, "rejected", "Licence expired."), 200);
        await SweepOutcomeRemindersAsync();
        Assert.Equal(0, await RemindersOfAsync(deal));

        await Vet.VerifyAsync(agency, "partner", partnerId);
        await SweepOutcomeRemindersAsync();
        Assert.Equal(1, await RemindersOfAsync(deal));
    }

    private Task<int> SweepOutcomeRemindersAsync() =>
        Api.App.Services.GetRequiredService<OutcomeReminders>().SweepAsync(TestContext.Current.CancellationToken);

    private async Task<int> RemindersOfAsync(Guid match)
    {
        await using var connection = await Api.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM outcome_reminders WHERE status = 'sent' AND match_id = (SELECT id FROM matches WHERE public_id = @Match)", new { Match = Api.KeyOf(match) });
    }

    [Fact]
    public async Task An_edit_of_name_inn_or_region_sends_a_verified_sme_back_to_the_queue_and_other_edits_do_not()
    {
        var agency = await Api.UserAsync("agency");
        var (owner, smeId) = await Create.SmeAccountAsync(Api);
        await Vet.VerifyAsync(agency, "sme", smeId);
        var body = Bodies.Sme();
        body["inn"] = (await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/smes/{smeId}"), 200))["inn"]!.GetValue<string>();

        async Task<string> PutAsync(Action<JsonObject> change)
        {
            var read = await owner.Client.GetAsync($"/api/v1/smes/{smeId}");
            change(body);
            var put = await owner.Client.PutAsync($"/api/v1/smes/{smeId}", body, read.ETag());
            return (await Expect.StatusAsync(put, 200))["verification"]!.GetValue<string>();
        }

        Assert.Equal("verified", await PutAsync(b => b["employees"] = 55));
        Assert.Equal("verified", await PutAsync(b => b["description"] = "Now with a paint shop."));
        Assert.Equal("pending", await PutAsync(b => b["name"] = "Ala-Too Machine Works 2"));
        Assert.Contains(smeId, await Vet.QueueAsync(agency, "sme"));
        await Vet.VerifyAsync(agency, "sme", smeId);
        Assert.Equal("pending", await PutAsync(b => b["region"] = "KG-Y"));
        await Vet.VerifyAsync(agency, "sme", smeId);
        Assert.Equal("pending", await PutAsync(b => b["inn"] = Bodies.Inn()));
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task The_queue_lists_pending_profiles_oldest_first_by_kind_and_page_by_page()
    {
        var agency = await Api.UserAsync("agency");
        var made = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            made.Add((await Create.SmeAccountAsync(Api)).SmeId);
            made.Add((await Create.PartnerAccountAsync(Api)).PartnerId);
        }

        var all = await Vet.QueueAsync(agency);
        Assert.Equal(made, all.Where(made.Contains).ToList());
        Assert.Equal(made.Where((_, i) => i % 2 == 1).ToList(), (await Vet.QueueAsync(agency, "partner")).Where(made.Contains).ToList());
        Assert.Equal(made.Where((_, i) => i % 2 == 0).ToList(), (await Vet.QueueAsync(agency, "sme")).Where(made.Contains).ToList());

        var walked = await Vet.QueueAsync(agency, limit: 1);
        Assert.Equal(all, walked);

        await Expect.ProblemAsync(await agency.Client.GetAsync("/api/v1/verification-queue?kind=agency"), 400, "kind");
    }

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData("owner", 403)]
    [InlineData("partner", 403)]
    [InlineData("agency", 200)]
    [InlineData("admin", 200)]
    public async Task Only_agency_and_admin_decide_and_read_the_queue(string caller, int status)
    {
        var (owner, smeId) = await Create.SmeAccountAsync(Api);
        var client = caller switch
        {
            "anonymous" => Api.CreateClient(),
            "owner" => owner.Client,
            _ => (await Api.UserAsync(caller)).Client,
        };

        await Expect.StatusOrProblemAsync(await client.PostAsJsonAsync($"/api/v1/smes/{smeId}/verification", new { decision = "verified" }), status);
        await Expect.StatusOrProblemAsync(await client.GetAsync("/api/v1/verification-queue"), status);
        var agency = await Api.UserAsync("agency");
        var now = await Expect.StatusAsync(await agency.Client.GetAsync($"/api/v1/smes/{smeId}"), 200);
        Assert.Equal(status == 200 ? "verified" : "pending", now["verification"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_profile_is_announced_to_the_agencies_subscribers_while_vetting_is_on()
    {
        var agency = await Api.UserAsync("agency");
        var subscription = new JsonObject { ["url"] = "https://93.184.215.14/hooks/matchmaker", ["events"] = new JsonArray("profile.pending") };
        var hook = await Expect.StatusAsync(await agency.Client.PostAsJsonAsync("/api/v1/webhooks", subscription), 201);

        var (_, smeId) = await Create.SmeAccountAsync(Api);

        var deliveries = await Paging.AllAsync(agency.Client, $"/api/v1/webhooks/{hook["id"]}/deliveries", 100);
        var delivery = Assert.Single(deliveries, d => d["body"]!.GetValue<string>().Contains(smeId.ToString()));
        Assert.Equal("profile.pending", delivery["event"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_decision_on_a_profile_changed_since_the_agency_read_it_is_refused_and_an_unknown_one_is_404()
    {
        var agency = await Api.UserAsync("agency");
        var (owner, partnerId) = await Create.PartnerAccountAsync(Api);
        var read = await agency.Client.GetAsync($"/api/v1/partners/{partnerId}");
        var edit = await owner.Client.GetAsync($"/api/v1/partners/{partnerId}");
        await Expect.StatusAsync(await owner.Client.PutAsync($"/api/v1/partners/{partnerId}", Bodies.Partner(), edit.ETag()), 200);

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/partners/{partnerId}/verification") { Content = JsonContent.Create(new { decision = "verified" }) };
        request.Headers.TryAddWithoutValidation("If-Match", read.ETag());
        await Expect.ProblemAsync(await agency.Client.SendAsync(request), 412);
        Assert.Equal("pending", (await Expect.StatusAsync(await agency.Client.GetAsync($"/api/v1/partners/{partnerId}"), 200))["verification"]!.GetValue<string>());
        await Expect.ProblemAsync(await Vet.DecideAsync(agency, "partner", Guid.NewGuid(), "verified"), 404);
        await Expect.ProblemAsync(await Vet.DecideAsync(agency, "sme", Guid.NewGuid(), "verified"), 404);
    }
}

public sealed class VettingTestsOnSqlite(VettingSqliteApi api) : VettingTests<VettingSqliteApi>(api), IClassFixture<VettingSqliteApi>;

public sealed class VettingTestsOnSqlServer : VettingTests<VettingSqlServerApi>, IClassFixture<VettingSqlServerApi>
{
    public VettingTestsOnSqlServer(VettingSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
