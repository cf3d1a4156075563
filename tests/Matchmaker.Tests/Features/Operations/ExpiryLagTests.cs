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
    public async Task A_need_expired_long_ago_and_not_swept_makes_readiness_degraded_with_the_lag_in_its_details_and_exports_the_gauges()
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
        // Every test app in this process publishes a meter of the same name, so the exported value may be
        // another app's; the figure itself is the one readiness just showed, from the same read.
        Assert.Matches(@"(?m)^matchmaker_needs_expiry_unswept(_[a-z]+)?(\{[^}]*\})? \d+$", await api.CreateClient().GetStringAsync("/metrics"));
        Assert.Matches(@"(?m)^matchmaker_needs_expiry_oldest_unswept_age_seconds(\{[^}]*\})? [\d.e+]+$", await api.CreateClient().GetStringAsync("/metrics"));
    }
}
