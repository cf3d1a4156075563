using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Matchmaker.Tests.Features.Matching;

namespace Matchmaker.Tests.Features.Reports;

/// <summary>
/// One need of 500,000 USD and 40 jobs, at agreement with two partners (Qingdao, then Jinan a day later), worked out
/// by hand: outcomes of 100,000 USD / 10 jobs on the Qingdao deal, 200,000 / 20 on the Jinan deal, then a Qingdao
/// follow-up of 300,000 / 30, each a day apart.
/// </summary>
public abstract class OutcomeReportTests<TApi>(TApi api) where TApi : ApiFixture
{
    private sealed record OneNeed(DealCast Cast, DateTime BeforeJinanOutcome, DateTime BeforeFollowUp);

    private Task<OneNeed> OneNeedAsync() => api.SharedAsync(async a =>
    {
        var cast = await DealCast.CreateAsync(a);
        var (jinan, jinanId) = await Create.PartnerAccountAsync(a, Bodies.Partner(name: "Jinan Tools", nameZh: "济南工具", city: "jinan"));
        var needId = await Create.NeedAsync(cast.Owner, cast.SmeId, Bodies.Need(title: "Shared need"));
        var qingdaoDeal = await Matches.IdAsync(cast.Owner.Client, needId, cast.PartnerId);
        var jinanDeal = await Matches.IdAsync(cast.Owner.Client, needId, jinanId);
        await cast.DriveAsync(qingdaoDeal, "agreement");
        a.Clock.Advance(TimeSpan.FromDays(1));
        await Matches.ActAsync(cast.Owner.Client, jinanDeal, "interest");
        await Matches.ActAsync(jinan.Client, jinanDeal, "interest");
        await Matches.ActAsync(jinan.Client, jinanDeal, "stage", new JsonObject { ["stage"] = "agreement" });

        await RecordAsync(cast.Owner.Client, qingdaoDeal, 100_000, 10);
        a.Clock.Advance(TimeSpan.FromDays(1));
        var beforeJinan = a.Clock.UtcNow;
        await RecordAsync(jinan.Client, jinanDeal, 200_000, 20);
        a.Clock.Advance(TimeSpan.FromDays(1));
        var beforeFollowUp = a.Clock.UtcNow;
        await RecordAsync(cast.Agency.Client, qingdaoDeal, 300_000, 30);
        return new OneNeed(cast, beforeJinan, beforeFollowUp);
    });

    [Fact]
    public async Task A_need_with_two_deals_counts_once_and_its_latest_outcome_across_them_counts()
    {
        var world = await OneNeedAsync();

        var summary = await GetAsync(world, "/api/v1/reports/summary");

        Assert.Equal(500_000m, summary["investmentInMutualOrLaterUsd"]!.GetValue<decimal>());
        Assert.Equal(40, summary["jobsInMutualOrLater"]!.GetValue<long>());
        Assert.Equal(2, summary["agreements"]!.GetValue<long>());
        Assert.Equal(300_000m, summary["realisedInvestmentUsd"]!.GetValue<decimal>());
        Assert.Equal(30, summary["jobsCreated"]!.GetValue<long>());
        Assert.Equal(15, summary["youthJobsCreated"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_period_picks_the_latest_outcome_recorded_within_it()
    {
        var world = await OneNeedAsync();

        var early = await GetAsync(world, "/api/v1/reports/summary?to=" + Iso(world.BeforeFollowUp));
        var earliest = await GetAsync(world, "/api/v1/reports/summary?to=" + Iso(world.BeforeJinanOutcome));
        var late = await GetAsync(world, "/api/v1/reports/summary?from=" + Iso(world.BeforeFollowUp));

        Assert.Equal(200_000m, early["realisedInvestmentUsd"]!.GetValue<decimal>());
        Assert.Equal(100_000m, earliest["realisedInvestmentUsd"]!.GetValue<decimal>());
        Assert.Equal(300_000m, late["realisedInvestmentUsd"]!.GetValue<decimal>());
        Assert.Equal(0, late["agreements"]!.GetValue<long>());
        Assert.Null(late["medianDaysToAgreement"]);
    }

    [Fact]
    public async Task A_city_row_counts_the_latest_outcome_of_its_own_partners_deals()
    {
        var world = await OneNeedAsync();

        var rows = (await GetAsync(world, "/api/v1/reports/by-city"))["items"]!.AsArray();

        var jinan = rows.Single(r => r!["city"]!.GetValue<string>() == "jinan")!;
        var qingdao = rows.Single(r => r!["city"]!.GetValue<string>() == "qingdao")!;
        Assert.Equal(200_000m, jinan["realisedInvestmentUsd"]!.GetValue<decimal>());
        Assert.Equal(300_000m, qingdao["realisedInvestmentUsd"]!.GetValue<decimal>());
        Assert.Equal(1, jinan["agreements"]!.GetValue<long>());
        Assert.Equal(1, qingdao["agreements"]!.GetValue<long>());
        Assert.Equal(500_000m, jinan["investmentInMutualOrLaterUsd"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task The_median_runs_from_each_matchs_creation_to_its_agreement()
    {
        var world = await OneNeedAsync();

        var summary = await GetAsync(world, "/api/v1/reports/summary");

        // The Qingdao deal agreed within seconds of its match, the Jinan deal a day later: a median of half a day.
        Assert.Equal(0.5, summary["medianDaysToAgreement"]!.GetValue<double>());
    }

    private static async Task RecordAsync(HttpClient client, Guid matchId, decimal usd, int jobs) =>
        await Expect.StatusAsync(await client.PostAsJsonAsync($"/api/v1/matches/{matchId}/outcomes", new JsonObject
        {
            ["investment"] = new JsonObject { ["amount"] = usd, ["currency"] = "USD" },
            ["jobsCreated"] = jobs,
            ["youthJobs"] = jobs / 2,
        }), 201);

    private static async Task<JsonObject> GetAsync(OneNeed world, string url) =>
        (await Expect.StatusAsync(await world.Cast.Agency.Client.GetAsync(url), 200)).AsObject();

    private static string Iso(DateTime utc) => Uri.EscapeDataString(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
}

public sealed class OutcomeReportTestsOnSqlite(SqliteApi api) : OutcomeReportTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class OutcomeReportTestsOnSqlServer : OutcomeReportTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public OutcomeReportTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
