using Matchmaker.Tests.Features.Notifications;
using StandardWebhooks;

namespace Matchmaker.Tests.Features.Webhooks;

/// <summary>An agency's decision on a profile reaches the owner's and oversight's subscribers, signed, with ids and the state only.</summary>
public abstract class ProfileEventTests<TApi>(TApi api) where TApi : ApiFixture, IHookApi
{
    private static readonly string[] ProfileEvents = ["profile.verified", "profile.rejected"];

    [Fact]
    public async Task A_rejection_reaches_the_owner_agency_and_admin_with_the_note_and_no_one_else()
    {
        const string note = "The USCC is not in the registry.";
        var (owner, partnerId) = await Create.PartnerAccountAsync(api, Bodies.Partner(name: "Zibo Ceramics", nameZh: "淄博陶瓷", city: "zibo"));
        var stranger = await api.UserAsync("partner");
        var agency = await api.UserAsync("agency");
        var toOwner = await Hook.SubscribeAsync(api, owner, ProfileEvents);
        var toStranger = await Hook.SubscribeAsync(api, stranger, ProfileEvents);
        var toAgency = await Hook.SubscribeAsync(api, agency, ProfileEvents);
        var toAdmin = await Hook.SubscribeAsync(api, await api.AdminAsync(), "profile.rejected");

        await ProfileDecisions.AnnounceAsync(api, ProfileDecisions.Of(api, owner, "partner", partnerId, "Zibo Ceramics", "rejected", note));

        foreach (var hook in new[] { toOwner, toAgency, toAdmin })
        {
            var post = Assert.Single(await api.Receiver.WaitForAsync(hook.Name, r => r.Count >= 1));
            new StandardWebhook(hook.Secret).Verify(post.Body, post.Headers);
            Assert.Equal(("profile.rejected", partnerId.ToString(), "partner", "rejected", note),
                (post.Type, post.Data("profileId"), post.Data("kind"), post.Data("status"), post.Data("note")));
            Assert.Equal(["profileId", "kind", "status", "note"], post.Json["data"]!.AsObject().Select(p => p.Key));
        }

        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Empty(api.Receiver.Of(toStranger.Name));
    }

    [Fact]
    public async Task A_verification_of_an_sme_carries_no_note_field_when_there_is_none()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api, Bodies.Sme(name: "Osh Silk"));
        var toOwner = await Hook.SubscribeAsync(api, owner, "profile.verified");

        await ProfileDecisions.AnnounceAsync(api, ProfileDecisions.Of(api, owner, "sme", smeId, "Osh Silk", "verified"));

        var post = Assert.Single(await api.Receiver.WaitForAsync(toOwner.Name, r => r.Count >= 1));
        Assert.Equal(("profile.verified", smeId.ToString(), "sme", "verified"), (post.Type, post.Data("profileId"), post.Data("kind"), post.Data("status")));
        Assert.Null(post.Json["data"]!["note"]);
    }
}

public sealed class ProfileEventTestsOnSqlite(HookSqliteApi api) : ProfileEventTests<HookSqliteApi>(api), IClassFixture<HookSqliteApi>;

public sealed class ProfileEventTestsOnSqlServer : ProfileEventTests<HookSqlServerApi>, IClassFixture<HookSqlServerApi>
{
    public ProfileEventTestsOnSqlServer(HookSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
