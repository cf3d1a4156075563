using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Matchmaker.Api.Features.Needs;

namespace Matchmaker.Tests.Features.Operations;

/// <summary>With the sweep held back, a need that expired a day ago shows as lag in readiness and in the metrics.</summary>
public sealed class ExpiryLagTests(ExpiryLagTests.DailySweepSqliteApi api) : IClassFixture<ExpiryLagTests.DailySweepSqliteApi>
{
    public sealed class DailySweepSqliteApi : SqliteApi
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Needs:SweepInterval"] = "1.00:00:00" };
    }

    [Fact]
    public async Task A_need_expired_long_ago_and_not_swept_makes_readiness_degraded_with_the_lag_in_its_details_and_metrics()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        var ago = NeedOptions.Defaults.Validity + TimeSpan.FromDays(1);
        api.Clock.Advance(-ago);
        try
        {
            await Create.NeedAsync(owner, smeId);
        }
        finally
        {
            api.Clock.Advance(ago);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var ready = JsonNode.Parse(await (await api.CreateClient().SendAsync(request)).Content.ReadAsStringAsync())!;

        Assert.Equal("Degraded", ready["status"]!.GetValue<string>());
        var data = ready["checks"]!["backlog"]!["data"]!;
        Assert.Equal(1, data["needsExpiredUnswept"]!.GetValue<int>());
        Assert.InRange(data["oldestUnsweptExpirySeconds"]!.GetValue<double>(), TimeSpan.FromHours(23).TotalSeconds, TimeSpan.FromHours(25).TotalSeconds);
        Assert.Contains("expiry sweep is behind", ready["checks"]!["backlog"]!["description"]!.GetValue<string>());
        // Gauges are read at most every 5 s, so poll past an earlier snapshot.
        var unswept = new System.Text.RegularExpressions.Regex(@"(?m)^matchmaker_needs_expiry_unswept(_[a-z]+)?(\{[^}]*\})? 1$");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string metrics;
        do
        {
            metrics = await api.CreateClient().GetStringAsync("/metrics");
            if (unswept.IsMatch(metrics))
                break;
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Matches(unswept, metrics);
    }
}
