using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Api.Features.Webhooks;
using Matchmaker.Api.Features.Webhooks.Deliveries;
using Matchmaker.Api.Infrastructure.Data;
using Matchmaker.Tests.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Matchmaker.Tests.Features.Webhooks;

/// <summary>What happens to a delivery: retries with backoff, failure after 24 h, a manual retry, the delivery log, and several senders at once.</summary>
public abstract class WebhookDeliveryTests<TApi>(TApi api) where TApi : ApiFixture, IHookApi
{
    private static string Status(JsonObject delivery) => delivery["status"]!.GetValue<string>();

    private async Task<(NoticeCast Cast, Hook Hook)> SubscribedDealAsync(string sector)
    {
        var cast = await NoticeCast.CreateAsync(api, sector);
        return (cast, await Hook.SubscribeAsync(api, cast.Owner, "match.interest", "match.mutual"));
    }

    private static async Task<JsonObject> WaitForDeliveryAsync(Hook hook, Func<JsonObject, bool> done, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var delivery = Assert.Single(await hook.DeliveriesAsync());
            if (done(delivery))
                return delivery;
            Assert.True(DateTime.UtcNow < deadline, $"The delivery stayed {Status(delivery)} after {delivery["attempts"]} attempt(s).");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_refused_delivery_is_retried_with_the_same_id_until_the_receiver_takes_it()
    {
        var (cast, hook) = await SubscribedDealAsync("E37");
        api.Receiver.Answer(hook.Name, 500, 503);

        await Matches.ActAsync(cast.Partner.Client, cast.MatchId, "interest");
        var delivered = await WaitForDeliveryAsync(hook, d => Status(d) == "delivered");

        var posts = api.Receiver.Of(hook.Name);
        Assert.Equal(3, posts.Count);
        Assert.Single(posts.Select(p => p.Id).Distinct());
        Assert.Equal(delivered["id"]!.GetValue<string>(), posts[0].Id);
        Assert.Equal((3, 200), (delivered["attempts"]!.GetValue<int>(), delivered["lastResponseCode"]!.GetValue<int>()));
        Assert.Null(delivered["nextAttemptAt"]);
        Assert.Equal(posts[0].Body, delivered["body"]!.GetValue<string>());
        var verifier = new StandardWebhook(hook.Secret);
        Assert.All(posts, p => verifier.Verify(p.Body, p.Headers));
    }

    [Fact]
    public async Task A_delivery_still_refused_24_hours_after_its_first_attempt_fails_and_a_manual_retry_sends_it_again()
    {
        var (cast, hook) = await SubscribedDealAsync("F41");
        api.Receiver.Answer(hook.Name, 500, 500);
        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "interest");
        var retrying = await WaitForDeliveryAsync(hook, d => d["attempts"]!.GetValue<int>() >= 1);
        Assert.Equal("retrying", Status(retrying));
        Assert.Equal(500, retrying["lastResponseCode"]!.GetValue<int>());

        await using (var connection = await api.OpenDatabaseAsync())
            await connection.ExecuteAsync("UPDATE webhook_deliveries SET first_attempt_at = @Long WHERE public_id = @Id",
                new { Long = api.Clock.UtcNow.AddHours(-25), Id = api.KeyOf(Guid.Parse(retrying["id"]!.GetValue<string>())) });
        var failed = await WaitForDeliveryAsync(hook, d => Status(d) == "failed");
        Assert.Null(failed["nextAttemptAt"]);
        Assert.Equal("The receiver answered 500.", failed["lastError"]!.GetValue<string>());
        var before = api.Receiver.Of(hook.Name).Count;

        var queued = await Expect.StatusAsync(await hook.Owner.Client.PostAsync($"/api/v1/webhooks/{hook.Id}/deliveries/{failed["id"]}/retry", null), 202);
        Assert.Equal(failed["id"]!.ToString(), queued["id"]!.ToString());
        var delivered = await WaitForDeliveryAsync(hook, d => Status(d) == "delivered");

        Assert.Equal(before + 1, api.Receiver.Of(hook.Name).Count);
        Assert.Equal(failed["id"]!.GetValue<string>(), api.Receiver.Of(hook.Name)[^1].Id);
        Assert.Equal(200, delivered["lastResponseCode"]!.GetValue<int>());
        Assert.Single(await hook.DeliveriesAsync("?status=delivered"));
        Assert.Empty(await hook.DeliveriesAsync("?status=failed,retrying"));
    }

    [Fact]
    public async Task After_a_rotation_deliveries_are_signed_with_the_new_secret_only()
    {
        var (cast, hook) = await SubscribedDealAsync("H52");
        var rotated = await Expect.StatusAsync(await hook.Owner.Client.PostAsync($"/api/v1/webhooks/{hook.Id}/rotate-secret", null), 200);
        var secret = rotated["secret"]!.GetValue<string>();

        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "interest");
        var post = Assert.Single(await api.Receiver.WaitForAsync(hook.Name, r => r.Count >= 1));

        new StandardWebhook(secret).Verify(post.Body, post.Headers);
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(hook.Secret).Verify(post.Body, post.Headers));
    }

    [Fact]
    public async Task A_deactivated_account_is_sent_nothing_and_a_deleted_subscription_takes_its_deliveries_with_it()
    {
        var (cast, hook) = await SubscribedDealAsync("I56");
        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "interest");
        await WaitForDeliveryAsync(hook, d => Status(d) == "delivered");
        var watcher = await Hook.SubscribeAsync(api, cast.Partner, "match.declined");
        var read = await cast.Admin.Client.GetAsync($"/api/v1/admin/users/{cast.Partner.UserId}");
        await Expect.StatusAsync(read, 200);
        await Expect.StatusAsync(await cast.Admin.Client.PutAsync($"/api/v1/admin/users/{cast.Partner.UserId}",
            new JsonObject { ["role"] = "partner", ["isActive"] = false }, read.ETag()), 200);

        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "decline");
        await using (var connection = await api.OpenDatabaseAsync())
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE w.public_id = @Id", new { Id = api.KeyOf(watcher.Id) }));

        await Expect.StatusAsync(await hook.Owner.Client.DeleteAsync($"/api/v1/webhooks/{hook.Id}"), 204);
        await Expect.ProblemAsync(await hook.Owner.Client.GetAsync($"/api/v1/webhooks/{hook.Id}/deliveries"), 404);
    }

    [Fact]
    public async Task Deliveries_of_other_subscriptions_and_unknown_ids_are_404_and_a_bad_filter_is_400()
    {
        var (cast, hook) = await SubscribedDealAsync("J58");
        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "interest");
        var delivery = await WaitForDeliveryAsync(hook, d => Status(d) == "delivered");
        var other = await Hook.SubscribeAsync(api, cast.Owner, "match.declined");

        await Expect.ProblemAsync(await hook.Owner.Client.GetAsync($"/api/v1/webhooks/{hook.Id}/deliveries?status=sent"), 400, "status");
        await Expect.ProblemAsync(await hook.Owner.Client.PostAsync($"/api/v1/webhooks/{other.Id}/deliveries/{delivery["id"]}/retry", null), 404);
        await Expect.ProblemAsync(await hook.Owner.Client.PostAsync($"/api/v1/webhooks/{hook.Id}/deliveries/{Guid.NewGuid()}/retry", null), 404);
        Assert.Equal("delivered", Status(Assert.Single(await hook.DeliveriesAsync())));
    }

    [Fact]
    public async Task Two_senders_and_a_crashed_one_on_one_database_deliver_each_event_exactly_once()
    {
        var (cast, hook) = await SubscribedDealAsync("L68");
        var services = api.App.Services;
        var second = new WebhookDispatcher(services.GetRequiredService<ConnectionFactory>(), services.GetRequiredService<SqlDialect>(),
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<WebhookOptions>(), NullLogger<WebhookDispatcher>.Instance);
        using var stop = new CancellationTokenSource();
        var secondLoop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
                await second.SendDueAsync(CancellationToken.None);
        });

        var matches = new List<Guid> { cast.MatchId };
        for (var i = 0; i < 9; i++)
            matches.Add(await cast.FreshMatchAsync());
        await Task.WhenAll(matches.Select(m => Matches.ActAsync(cast.Owner.Client, m, "interest")));
        var queued = await hook.DeliveriesAsync();
        await using (var connection = await api.OpenDatabaseAsync())
        {
            // A sender that claimed three deliveries and died before sending any: they wait out its lease.
            var crashedAt = api.Clock.UtcNow;
            for (var i = 0; i < 3; i++)
                await connection.ExecuteAsync("""
                    INSERT INTO webhook_deliveries (public_id, webhook_id, event_type, body, status, attempts, next_attempt_at, claimed_by, claimed_until, created_at)
                    SELECT @PublicId, w.id, 'match.interest', '{"type":"match.interest"}', 'pending', 0, @At, 'crashed', @Until, @At FROM webhooks w WHERE w.public_id = @Hook
                    """, new { PublicId = api.KeyOf(Guid.NewGuid()), At = crashedAt, Until = crashedAt.AddSeconds(3), Hook = api.KeyOf(hook.Id) });
        }

        var all = await WaitForAllDeliveredAsync(hook, queued.Count + 3);
        await stop.CancelAsync();
        await secondLoop;
        second.Dispose();

        var received = api.Receiver.Of(hook.Name).Select(r => r.Id).ToList();
        var duplicates = received.Count - received.Distinct().Count();
        var lost = all.Count(d => !received.Contains(d["id"]!.GetValue<string>()));
        TestContext.Current.TestOutputHelper?.WriteLine($"webhooks, two senders and a crashed one: {all.Count} deliveries, {received.Count} received, duplicates = {duplicates}, lost = {lost}");
        Assert.Equal(13, all.Count);
        Assert.Equal((0, 0), (duplicates, lost));
    }

    private static async Task<List<JsonObject>> WaitForAllDeliveredAsync(Hook hook, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var all = await hook.DeliveriesAsync();
            if (all.Count >= count && all.All(d => Status(d) == "delivered"))
                return all;
            Assert.True(DateTime.UtcNow < deadline, $"{all.Count(d => Status(d) == "delivered")} of {all.Count} delivered.");
            await Task.Delay(200);
        }
    }
}

public sealed class WebhookDeliveryTestsOnSqlite(HookSqliteApi api) : WebhookDeliveryTests<HookSqliteApi>(api), IClassFixture<HookSqliteApi>;

public sealed class WebhookDeliveryTestsOnSqlServer : WebhookDeliveryTests<HookSqlServerApi>, IClassFixture<HookSqlServerApi>
{
    public WebhookDeliveryTestsOnSqlServer(HookSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
