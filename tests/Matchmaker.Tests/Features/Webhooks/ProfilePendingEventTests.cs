using Matchmaker.Tests.Features.Verification;
using StandardWebhooks;

namespace Matchmaker.Tests.Features.Webhooks;

/// <summary>
/// A profile that enters the agencies' queue — created, or sent back by an edit — is told to agency and admin subscribers
/// (<c>profile.pending</c>), signed, with ids and the state only; an edit that leaves the queue as it was tells no one.
/// This fixture runs with <c>Profiles:RequireVerification</c> off: the queue, and its event, exist either way.
/// </summary>
public abstract class ProfilePendingEventTests<TApi>(TApi api) where TApi : ApiFixture, IHookApi
{
    private const string ProfilePending = "profile.pending";

    private static IReadOnlyList<ReceivedHook> About(IEnumerable<ReceivedHook> received, Guid profileId) =>
        [.. received.Where(r => r.Type == ProfilePending && r.Data("profileId") == profileId.ToString())];

    private async Task<IReadOnlyList<ReceivedHook>> PendingOfAsync(Hook hook, Guid profileId) =>
        About(await api.Receiver.WaitForAsync(hook.Name, r => About(r, profileId).Count >= 1), profileId);

    [Fact]
    public async Task A_new_sme_and_a_new_partner_reach_agency_and_admin_subscribers_signed_with_ids_and_the_state_only()
    {
        var toAgency = await Hook.SubscribeAsync(api, await api.UserAsync("agency"), ProfilePending);
        var toAdmin = await Hook.SubscribeAsync(api, await api.AdminAsync(), ProfilePending);

        var (_, smeId) = await Create.SmeAccountAsync(api);
        var (_, partnerId) = await Create.PartnerAccountAsync(api);

        foreach (var hook in new[] { toAgency, toAdmin })
        {
            var sme = Assert.Single(await PendingOfAsync(hook, smeId));
            var partner = Assert.Single(await PendingOfAsync(hook, partnerId));
            var deliveries = await hook.DeliveriesAsync();
            foreach (var (post, kind) in new[] { (sme, "sme"), (partner, "partner") })
            {
                new StandardWebhook(hook.Secret).Verify(post.Body, post.Headers);
                Assert.Equal((kind, "pending"), (post.Data("kind"), post.Data("status")));
                Assert.Equal(["profileId", "kind", "status"], post.Json["data"]!.AsObject().Select(p => p.Key));
                var delivery = Assert.Single(deliveries, d => d["id"]!.GetValue<string>() == post.Id);
                Assert.Equal((ProfilePending, post.Body), (delivery["event"]!.GetValue<string>(), delivery["body"]!.GetValue<string>()));
            }
        }
    }

    [Fact]
    public async Task An_identity_edit_sends_a_verified_sme_back_and_is_announced_once_and_other_edits_are_not()
    {
        var agency = await api.UserAsync("agency");
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        await Vet.VerifyAsync(agency, "sme", smeId);
        var toAgency = await Hook.SubscribeAsync(api, agency, ProfilePending);
        var body = Bodies.Sme();
        body["inn"] = (await Expect.StatusAsync(await owner.Client.GetAsync($"/api/v1/smes/{smeId}"), 200))["inn"]!.GetValue<string>();

        async Task<string> PutAsync(string field, string value)
        {
            var read = await owner.Client.GetAsync($"/api/v1/smes/{smeId}");
            body[field] = value;
            return (await Expect.StatusAsync(await owner.Client.PutAsync($"/api/v1/smes/{smeId}", body, read.ETag()), 200))["verification"]!.GetValue<string>();
        }

        Assert.Equal("verified", await PutAsync("description", "Now with a paint shop."));
        Assert.Equal("pending", await PutAsync("name", "Ala-Too Machine Works 2"));
        Assert.Equal("pending", await PutAsync("region", "KG-Y"));

        var post = Assert.Single(await PendingOfAsync(toAgency, smeId));
        Assert.Equal(("sme", "pending"), (post.Data("kind"), post.Data("status")));
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Single(About(api.Receiver.Of(toAgency.Name), smeId));
    }

    [Fact]
    public async Task A_rejected_partner_its_owner_edits_is_announced_back_in_the_queue_without_the_agencys_note()
    {
        var agency = await api.UserAsync("agency");
        var (owner, partnerId) = await Create.PartnerAccountAsync(api);
        await Expect.StatusAsync(await Vet.DecideAsync(agency, "partner", partnerId, "rejected", "The USCC is another firm's."), 200);
        var toAgency = await Hook.SubscribeAsync(api, agency, ProfilePending);

        var edit = await owner.Client.GetAsync($"/api/v1/partners/{partnerId}");
        var put = await owner.Client.PutAsync($"/api/v1/partners/{partnerId}", Bodies.Partner(), edit.ETag());

        Assert.Equal("pending", (await Expect.StatusAsync(put, 200))["verification"]!.GetValue<string>());
        var post = Assert.Single(await PendingOfAsync(toAgency, partnerId));
        Assert.Equal(("partner", "pending"), (post.Data("kind"), post.Data("status")));
        Assert.Null(post.Json["data"]!["note"]);
    }
}

public sealed class ProfilePendingEventTestsOnSqlite(HookSqliteApi api) : ProfilePendingEventTests<HookSqliteApi>(api), IClassFixture<HookSqliteApi>;

public sealed class ProfilePendingEventTestsOnSqlServer : ProfilePendingEventTests<HookSqlServerApi>, IClassFixture<HookSqlServerApi>
{
    public ProfilePendingEventTestsOnSqlServer(HookSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
