using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dapper;

namespace Matchmaker.Tests.Features.Operations;

/// <summary>What an operator watches: readiness with the background work's lag, and metrics for Prometheus.</summary>
public abstract class OperationsTests<TApi>(TApi api) where TApi : ApiFixture
{
    private async Task<JsonObject> ReadinessAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await api.CreateClient().SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public async Task Readiness_in_json_names_each_check_with_the_backlog_figures_and_stays_text_by_default()
    {
        var plain = await api.CreateClient().GetAsync("/health/ready");
        Assert.Equal("Healthy", await plain.Content.ReadAsStringAsync());

        var ready = await ReadinessAsync();

        Assert.Equal("Healthy", ready["status"]!.GetValue<string>());
        Assert.Equal("Healthy", ready["checks"]!["database"]!["status"]!.GetValue<string>());
        var backlog = ready["checks"]!["backlog"]!["data"]!;
        Assert.False(backlog["emailEnabled"]!.GetValue<bool>());
        Assert.Equal(0, backlog["emailFailed"]!.GetValue<int>());
        Assert.Equal(0, backlog["jobsWaiting"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_mail_that_failed_for_good_makes_readiness_degraded_and_shows_in_its_details_and_metrics()
    {
        var (owner, _) = await Create.SmeAccountAsync(api);
        await using var connection = await api.OpenDatabaseAsync();
        await connection.ExecuteAsync("""
            INSERT INTO email_outbox (public_id, user_id, status, attempts, next_attempt_at, created_at, last_error)
            SELECT @Id, u.id, 'failed', 9, @At, @At, 'mailbox unavailable' FROM users u WHERE u.public_id = @Owner
            """, new { Id = api.KeyOf(Guid.NewGuid()), Owner = api.KeyOf(owner.UserId), At = DateTime.UtcNow.AddDays(-8) });
        try
        {
            var ready = await ReadinessAsync();

            Assert.Equal("Degraded", ready["status"]!.GetValue<string>());
            Assert.Equal(1, ready["checks"]!["backlog"]!["data"]!["emailFailed"]!.GetValue<int>());
            Assert.Contains("failed for good", ready["checks"]!["backlog"]!["description"]!.GetValue<string>());
            // Every test app in this process publishes a meter of the same name, so the exported value may be
            // another app's; the figure itself is the one readiness just showed, from the same read.
            Assert.Matches(FailedGauge(), await api.CreateClient().GetStringAsync("/metrics"));
        }
        finally
        {
            await connection.ExecuteAsync("DELETE FROM email_outbox");
        }
    }

    [Fact]
    public async Task A_webhook_delivery_queued_past_its_retries_degrades_readiness_and_a_failed_one_only_shows_in_the_figures()
    {
        var (owner, _) = await Create.SmeAccountAsync(api);
        await using var connection = await api.OpenDatabaseAsync();
        var hook = api.KeyOf(Guid.NewGuid());
        var old = DateTime.UtcNow.AddHours(-25);
        await connection.ExecuteAsync("""
            INSERT INTO webhooks (public_id, owner_user_id, url, events, secret, created_at, updated_at, version)
            SELECT @Hook, u.id, 'https://93.184.215.14/hook', '["match.mutual"]', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7QbZ5YxXtCo=', @At, @At, 1
            FROM users u WHERE u.public_id = @Owner
            """, new { Hook = hook, Owner = api.KeyOf(owner.UserId), At = old });
        const string Insert = """
            INSERT INTO webhook_deliveries (public_id, webhook_id, event_type, body, status, attempts, next_attempt_at, created_at)
            SELECT @Id, w.id, 'match.mutual', '{}', @Status, 7, @Next, @At FROM webhooks w WHERE w.public_id = @Hook
            """;
        try
        {
            await connection.ExecuteAsync(Insert, new { Id = api.KeyOf(Guid.NewGuid()), Status = "failed", Next = old, At = old, Hook = hook });
            var failedOnly = await ReadinessAsync();
            Assert.Equal(1, failedOnly["checks"]!["backlog"]!["data"]!["webhookDeliveriesFailed"]!.GetValue<int>());
            Assert.Equal("Healthy", failedOnly["status"]!.GetValue<string>());

            await connection.ExecuteAsync(Insert, new { Id = api.KeyOf(Guid.NewGuid()), Status = "retrying", Next = DateTime.UtcNow.AddHours(1), At = old, Hook = hook });
            var stuck = await ReadinessAsync();

            Assert.Equal("Degraded", stuck["status"]!.GetValue<string>());
            Assert.Equal(1, stuck["checks"]!["backlog"]!["data"]!["webhookDeliveriesPending"]!.GetValue<int>());
            Assert.True(stuck["checks"]!["backlog"]!["data"]!["webhookOldestPendingSeconds"]!.GetValue<double>() >= 25 * 3600 - 60);
            Assert.Contains("webhook", stuck["checks"]!["backlog"]!["description"]!.GetValue<string>());
            Assert.Matches(@"(?m)^matchmaker_webhooks_deliveries_pending(_[a-z]+)?(\{[^}]*\})? \d+$", await api.CreateClient().GetStringAsync("/metrics"));
        }
        finally
        {
            await connection.ExecuteAsync("DELETE FROM webhook_deliveries");
            await connection.ExecuteAsync("DELETE FROM webhooks WHERE public_id = @Hook", new { Hook = hook });
        }
    }

    private static System.Text.RegularExpressions.Regex FailedGauge() => new(@"(?m)^matchmaker_email_outbox_failed(_[a-z]+)?(\{[^}]*\})? \d+$");

    [Fact]
    public async Task Metrics_carry_the_request_durations_in_the_prometheus_format()
    {
        await api.CreateClient().GetAsync("/health/live");

        // A request's duration is recorded as its response completes, which may be just after the client read it.
        string text;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            var response = await api.CreateClient().GetAsync("/metrics");
            Assert.Equal(200, (int)response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
        }
        while (!text.Contains("http_server_request_duration_seconds", StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromSeconds(5));

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text);
        Assert.Contains("matchmaker_email_outbox_pending", text);
        Assert.Contains("matchmaker_rescore_jobs_waiting", text);
    }
}

public sealed class OperationsTestsOnSqlite(SqliteApi api) : OperationsTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class OperationsTestsOnSqlServer : OperationsTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public OperationsTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
