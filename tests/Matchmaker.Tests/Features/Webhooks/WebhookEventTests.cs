using System.Text.Json.Nodes;
using Matchmaker.Tests.Features.Notifications;
using StandardWebhooks;

namespace Matchmaker.Tests.Features.Webhooks;

/// <summary>
/// Events of a deal, of a need's expiry and of a re-score reach a real receiver, signed as Standard Webhooks
/// (checked by the StandardWebhooks library), and only the subscribers who may read the record. Receivers get
/// them in no promised order (each body carries its time).
/// </summary>
public abstract class WebhookEventTests<TApi>(TApi api) where TApi : ApiFixture, IHookApi
{
    private static readonly string[] MatchEvents = ["match.suggested", "match.interest", "match.mutual", "match.stage_changed", "match.declined"];

    private static IReadOnlyList<ReceivedHook> About(IEnumerable<ReceivedHook> received, string field, Guid id) =>
        [.. received.Where(r => r.Data(field) == id.ToString())];

    private static void AssertSigned(Hook hook, IEnumerable<ReceivedHook> received)
    {
        var verifier = new StandardWebhook(hook.Secret);
        foreach (var post in received)
            verifier.Verify(post.Body, post.Headers);
    }

    [Fact]
    public async Task Each_step_of_a_deal_reaches_both_parties_and_oversight_signed_and_no_one_else()
    {
        var owner = await api.UserAsync("sme");
        var partner = await api.UserAsync("partner");
        var stranger = await api.UserAsync("sme");
        var agency = await api.UserAsync("agency");
        var toOwner = await Hook.SubscribeAsync(api, owner, MatchEvents);
        var toPartner = await Hook.SubscribeAsync(api, partner, MatchEvents);
        var toStranger = await Hook.SubscribeAsync(api, stranger, MatchEvents);
        var toAgency = await Hook.SubscribeAsync(api, agency, MatchEvents[1..]);
        var smeId = await Create.SmeAsync(owner, Bodies.Sme(sectors: ["C24"]));
        var needId = await Create.NeedAsync(owner, smeId);
        var partnerId = await Create.PartnerAsync(partner, NoticeCast.PartnerBody("C24"));
        var matchId = await Matches.IdAsync(owner.Client, needId, partnerId);

        await Matches.ActAsync(owner.Client, matchId, "interest");
        await Matches.ActAsync(partner.Client, matchId, "interest");
        await Matches.ActAsync(owner.Client, matchId, "stage", new JsonObject { ["stage"] = "meeting" });
        await Matches.ActAsync(partner.Client, matchId, "decline", new JsonObject { ["reason"] = "Found another supplier" });

        string[] expected = ["match.suggested:suggested", "match.interest:sme_interested", "match.mutual:mutual", "match.stage_changed:meeting", "match.declined:declined"];
        foreach (var hook in new[] { toOwner, toPartner })
        {
            var got = About(await api.Receiver.WaitForAsync(hook.Name, r => About(r, "matchId", matchId).Count >= 5), "matchId", matchId);
            Assert.Equal(expected.Order(), got.Select(r => $"{r.Type}:{r.Data("status")}").Order());
            AssertSigned(hook, got);
            Assert.All(got, r => Assert.Equal((needId.ToString(), partnerId.ToString(), smeId.ToString()), (r.Data("needId"), r.Data("partnerId"), r.Data("smeId"))));
            Assert.All(got, r => Assert.DoesNotContain("@", r.Body));
            var deliveries = await hook.DeliveriesAsync();
            Assert.Equal(got.Select(r => r.Id).Order(), deliveries.Where(d => d["body"]!.GetValue<string>().Contains(matchId.ToString()))
                .Select(d => d["id"]!.GetValue<string>()).Order());
        }

        var overseen = About(await api.Receiver.WaitForAsync(toAgency.Name, r => About(r, "matchId", matchId).Count >= 4), "matchId", matchId);
        Assert.Equal(expected[1..].Order(), overseen.Select(r => $"{r.Type}:{r.Data("status")}").Order());
        AssertSigned(toAgency, overseen);
        Assert.Empty(About(api.Receiver.Of(toStranger.Name), "matchId", matchId));
        Assert.Empty(await toStranger.DeliveriesAsync());
    }

    [Fact]
    public async Task A_need_about_to_expire_and_then_expired_is_announced_to_its_owner_and_oversight_only()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        var stranger = await api.UserAsync("sme");
        var admin = await api.AdminAsync();
        string[] events = ["need.expiring", "need.expired"];
        var toOwner = await Hook.SubscribeAsync(api, owner, events);
        var toStranger = await Hook.SubscribeAsync(api, stranger, events);
        var toAdmin = await Hook.SubscribeAsync(api, admin, events);
        var validity = Api.Features.Needs.NeedOptions.Defaults.Validity;
        api.Clock.Advance(-(validity + TimeSpan.FromDays(1)));
        Guid needId;
        try
        {
            needId = await Create.NeedAsync(owner, smeId, Bodies.Need(title: "Long gone"));
        }
        finally
        {
            api.Clock.Advance(validity + TimeSpan.FromDays(1));
        }

        foreach (var hook in new[] { toOwner, toAdmin })
        {
            var got = About(await api.Receiver.WaitForAsync(hook.Name, r => About(r, "needId", needId).Count >= 1), "needId", needId);
            var post = Assert.Single(got);
            Assert.Equal(("need.expired", "expired", smeId.ToString()), (post.Type, post.Data("status"), post.Data("smeId")));
            AssertSigned(hook, got);
        }

        Assert.Empty(About(api.Receiver.Of(toStranger.Name), "needId", needId));
    }

    [Fact]
    public async Task A_finished_re_score_is_announced_to_agency_and_admin()
    {
        var agency = await api.UserAsync("agency");
        var admin = await api.AdminAsync();
        var toAgency = await Hook.SubscribeAsync(api, agency, "job.completed");

        var read = await admin.Client.GetAsync("/api/v1/criteria");
        await Expect.StatusAsync(read, 200);
        var accepted = await admin.Client.PutAsync("/api/v1/criteria", Matching.Criteria.CriteriaBodies.Valid(), read.ETag());
        await Expect.StatusAsync(accepted, 202);
        var job = await Matching.Jobs.JobPolling.WaitForStatusAsync(admin.Client, accepted.Headers.Location!.ToString(), "succeeded");
        var jobId = Guid.Parse(job["id"]!.GetValue<string>());

        var got = About(await api.Receiver.WaitForAsync(toAgency.Name, r => About(r, "jobId", jobId).Count >= 1), "jobId", jobId);
        var post = Assert.Single(got);
        Assert.Equal(("job.completed", "succeeded", job["criteriaVersion"]?.ToString()), (post.Type, post.Data("status"), post.Data("criteriaVersion")));
        AssertSigned(toAgency, got);
    }
}

public sealed class WebhookEventTestsOnSqlite(HookSqliteApi api) : WebhookEventTests<HookSqliteApi>(api), IClassFixture<HookSqliteApi>;

public sealed class WebhookEventTestsOnSqlServer : WebhookEventTests<HookSqlServerApi>, IClassFixture<HookSqlServerApi>
{
    public WebhookEventTestsOnSqlServer(HookSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
