using Matchmaker.Api.Features.Needs;
using Matchmaker.Tests.Features.Needs;

namespace Matchmaker.Tests.Features.Notifications;

/// <summary>The SME hears that a need expires soon and that it expired, once each, from the background sweep.</summary>
public abstract class NeedExpiryNoticeTests<TApi>(TApi api) where TApi : ApiFixture
{
    private async Task<Guid> PostedAgoAsync(Actor owner, Guid smeId, TimeSpan ago, string title)
    {
        api.Clock.Advance(-ago);
        try
        {
            return await Create.NeedAsync(owner, smeId, Bodies.Need(title: title));
        }
        finally
        {
            api.Clock.Advance(ago);
        }
    }

    private static async Task<List<System.Text.Json.Nodes.JsonObject>> WaitForAsync(Actor owner, string kind, Guid needId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var items = (await Inbox.OfKindAsync(owner, kind)).Where(i => Inbox.Id(i, "needId") == needId).ToList();
            if (items.Count > 0 || DateTime.UtcNow > deadline)
                return items;
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task An_sme_is_reminded_before_its_need_expires_and_told_once_it_has()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        var validity = NeedOptions.Defaults.Validity;
        var expiring = await PostedAgoAsync(owner, smeId, validity - TimeSpan.FromDays(7), "Soon due");
        var expired = await PostedAgoAsync(owner, smeId, validity + TimeSpan.FromDays(1), "Long gone");

        var reminder = Assert.Single(await WaitForAsync(owner, "need_expiring", expiring));
        var gone = Assert.Single(await WaitForAsync(owner, "need_expired", expired));
        await Task.Delay(2500, TestContext.Current.CancellationToken);

        Assert.Contains("“Soon due” expires on", Inbox.Text(reminder));
        Assert.Contains("“Long gone” expired on", Inbox.Text(gone));
        Assert.Null(Inbox.Id(gone, "matchId"));
        var all = await Inbox.ItemsAsync(owner);
        Assert.Single(all, i => Inbox.Kind(i) == "need_expiring");
        Assert.Single(all, i => Inbox.Kind(i) == "need_expired");
    }
}

public sealed class NeedExpiryNoticeTestsOnSqlite(EverySecondSweepSqliteApi api) : NeedExpiryNoticeTests<EverySecondSweepSqliteApi>(api), IClassFixture<EverySecondSweepSqliteApi>;

public sealed class NeedExpiryNoticeTestsOnSqlServer : NeedExpiryNoticeTests<EverySecondSweepSqlServerApi>, IClassFixture<EverySecondSweepSqlServerApi>
{
    public NeedExpiryNoticeTestsOnSqlServer(EverySecondSweepSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
