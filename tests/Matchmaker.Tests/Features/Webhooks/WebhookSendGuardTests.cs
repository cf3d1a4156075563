using Dapper;
using Matchmaker.Api.Features.Webhooks;
using Matchmaker.Tests.Features.Notifications;

namespace Matchmaker.Tests.Features.Webhooks;

/// <summary>
/// The address rules hold at every delivery, not only at subscription: a subscription whose host now resolves
/// to a private address (DNS changed since, or the row predates the rule) is refused at the connection.
/// </summary>
public abstract class WebhookSendGuardTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task A_host_that_resolves_to_loopback_is_never_connected_to()
    {
        var cast = await NoticeCast.CreateAsync(api, "M70");
        var hookId = Guid.NewGuid();
        await using (var connection = await api.OpenDatabaseAsync())
            await connection.ExecuteAsync("""
                INSERT INTO webhooks (public_id, owner_user_id, url, events, description, secret, created_at, updated_at, version)
                SELECT @PublicId, u.id, 'https://localhost:9/hooks/inside', '["match.interest"]', NULL, @Secret, @Now, @Now, 1 FROM users u WHERE u.public_id = @Owner
                """, new { PublicId = api.KeyOf(hookId), Secret = WebhookSecret.New(), Now = api.Clock.UtcNow, Owner = api.KeyOf(cast.Owner.UserId) });

        await Matches.ActAsync(cast.Partner.Client, cast.MatchId, "interest");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        System.Text.Json.Nodes.JsonObject delivery;
        do
        {
            await Task.Delay(200);
            delivery = Assert.Single(await Paging.AllAsync(cast.Owner.Client, $"/api/v1/webhooks/{hookId}/deliveries", 10));
        }
        while (delivery["attempts"]!.GetValue<int>() == 0 && DateTime.UtcNow < deadline);

        Assert.Equal("retrying", delivery["status"]!.GetValue<string>());
        Assert.Null(delivery["lastResponseCode"]);
        Assert.StartsWith("Refused: 'localhost' resolves to", delivery["lastError"]!.GetValue<string>());
    }
}

public sealed class WebhookSendGuardTestsOnSqlite(SqliteApi api) : WebhookSendGuardTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class WebhookSendGuardTestsOnSqlServer : WebhookSendGuardTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public WebhookSendGuardTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
