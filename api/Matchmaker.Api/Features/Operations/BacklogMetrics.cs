using System.Diagnostics.Metrics;
using Matchmaker.Api.Infrastructure;

namespace Matchmaker.Api.Features.Operations;

/// <summary>
/// The backlog as gauges on the <see cref="Telemetry.MeterName"/> meter, read when metrics are collected
/// (a Prometheus scrape) and at most once per <see cref="Fresh"/>. A hosted service only so that the host
/// creates it, and its gauges exist, before the first scrape.
/// </summary>
internal sealed class BacklogMetrics : IHostedService, IDisposable
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);

    private readonly Meter meter;
    private readonly ConnectionFactory db;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private Backlog? last;

    public BacklogMetrics(IMeterFactory meters, ConnectionFactory db, TimeProvider clock)
    {
        this.db = db;
        this.clock = clock;
        meter = meters.Create(Telemetry.MeterName);
        meter.CreateObservableGauge("matchmaker.email.outbox.pending", () => Read().Email.Pending, "{email}", "E-mails waiting to be sent.");
        meter.CreateObservableGauge("matchmaker.email.outbox.failed", () => Read().Email.Failed, "{email}", "E-mails given up after a week of retries.");
        meter.CreateObservableGauge("matchmaker.email.outbox.oldest_age", () => Read().OldestEmailSeconds ?? 0, "s", "How long the oldest unsent e-mail has waited.");
        meter.CreateObservableGauge("matchmaker.webhooks.deliveries.pending", () => Read().Webhooks.Pending, "{delivery}", "Webhook deliveries not yet delivered and still being tried.");
        meter.CreateObservableGauge("matchmaker.webhooks.deliveries.failed", () => Read().Webhooks.Failed, "{delivery}", "Webhook deliveries given up after 24 h of retries.");
        meter.CreateObservableGauge("matchmaker.webhooks.deliveries.oldest_age", () => Read().OldestWebhookSeconds ?? 0, "s", "How long the oldest undelivered webhook delivery has waited.");
        meter.CreateObservableGauge("matchmaker.needs.expiry.unswept", () => Read().Expiry.Unswept, "{need}", "Needs expired and not yet swept.");
        meter.CreateObservableGauge("matchmaker.needs.expiry.oldest_unswept_age", () => Read().OldestUnsweptExpirySeconds ?? 0, "s", "How long ago the oldest unswept need expired.");
        meter.CreateObservableGauge("matchmaker.rescore.jobs.waiting", () => Read().Jobs.Waiting, "{job}", "Re-score jobs queued or running.");
        meter.CreateObservableGauge("matchmaker.rescore.progress", () => Read().Jobs.Total is > 0 and var total ? (double)(Read().Jobs.Processed ?? 0) / total : 0,
            "1", "Share of the needs the running re-score has written.");
    }

    private Backlog Read()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (last is null || now - last.At > Fresh)
                last = Backlog.ReadAsync(db, clock, CancellationToken.None).GetAwaiter().GetResult();
            return last;
        }
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public void Dispose() => meter.Dispose();
}
