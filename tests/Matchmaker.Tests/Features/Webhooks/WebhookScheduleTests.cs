using Matchmaker.Api.Features.Webhooks;
using Microsoft.Extensions.Configuration;

namespace Matchmaker.Tests.Features.Webhooks;

/// <summary><c>Webhooks:RetrySeconds</c>: each listed delay in turn, then every 6 h, until 24 h after the first attempt.</summary>
public sealed class WebhookScheduleTests
{
    private static readonly DateTime First = new(2026, 11, 26, 8, 0, 0, DateTimeKind.Utc);

    private static WebhookOptions Options(params (string Key, string Value)[] settings) =>
        WebhookOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void By_default_a_refused_delivery_is_tried_after_10_s_1_min_5_min_30_min_2_h_6_h_then_every_6_h_and_fails_after_24_h()
    {
        var options = Options();
        var now = First;
        var gaps = new List<TimeSpan>();
        for (var attempts = 1; options.NextAttempt(attempts, First, now) is { } next; attempts++)
        {
            gaps.Add(next - now);
            now = next;
        }

        TimeSpan[] expected = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(6), TimeSpan.FromHours(6)];
        Assert.Equal(expected, gaps);
        Assert.True(now - First <= WebhookOptions.RetryFor);
        Assert.True(now + WebhookOptions.LaterDelay - First > WebhookOptions.RetryFor);
    }

    [Fact]
    public void The_delays_come_from_configuration_and_nonsense_stops_the_start()
    {
        var options = Options(("Webhooks:RetrySeconds:0", "3"), ("Webhooks:RetrySeconds:1", "7"));

        Assert.Equal(First.AddSeconds(3), options.NextAttempt(1, First, First));
        Assert.Equal(First.AddSeconds(7), options.NextAttempt(2, First, First));
        Assert.Equal(First.AddHours(6), options.NextAttempt(3, First, First));
        Assert.Throws<InvalidOperationException>(() => Options(("Webhooks:RetrySeconds:0", "0")));
        Assert.Throws<InvalidOperationException>(() => Options(("Webhooks:TimeoutSeconds", "-1")));
    }
}
