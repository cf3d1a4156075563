using System.Text.Json.Nodes;
using Matchmaker.Tests.Features.Verification;

namespace Matchmaker.Tests.Features.Reports;

/// <summary>
/// A pending SME's needs, and pending profiles, count in the reports only when <c>Profiles:RequireVerification</c> is off;
/// <c>pendingProfiles</c> counts them either way.
/// </summary>
public abstract class VettedReportTests<TApi>(TApi api, bool vetted) where TApi : ApiFixture
{
    private static long Count(JsonObject report, string field) => report[field]!.GetValue<long>();

    private async Task<JsonObject> SummaryAsync(Actor agency, string query = "") =>
        (await Expect.StatusAsync(await agency.Client.GetAsync("/api/v1/reports/summary" + query), 200)).AsObject();

    [Fact]
    public async Task A_pending_smes_needs_count_only_while_vetting_is_off()
    {
        var agency = await api.UserAsync("agency");
        var before = await SummaryAsync(agency, "?region=KG-N");
        var beforeSeries = await Expect.StatusAsync(await agency.Client.GetAsync("/api/v1/reports/timeseries?region=KG-N"), 200);

        var (owner, smeId) = await Create.SmeAccountAsync(api, Bodies.Sme(name: "Naryn Wool", region: "KG-N", sectors: ["C13"]));
        await Create.NeedAsync(owner, smeId, Bodies.Need(title: "Spinning line", amount: 250_000m));
        var after = await SummaryAsync(agency, "?region=KG-N");
        var afterSeries = await Expect.StatusAsync(await agency.Client.GetAsync("/api/v1/reports/timeseries?region=KG-N"), 200);

        var counted = vetted ? 0 : 1;
        Assert.Equal(Count(before, "smes") + counted, Count(after, "smes"));
        Assert.Equal(Count(before, "openNeeds") + counted, Count(after, "openNeeds"));
        Assert.Equal(before["requestedInvestmentUsd"]!.GetValue<decimal>() + counted * 250_000m, after["requestedInvestmentUsd"]!.GetValue<decimal>());
        Assert.Equal(Count(before, "pendingProfiles") + 1, Count(after, "pendingProfiles"));
        static long NewNeeds(JsonNode series) => series["items"]!.AsArray().Sum(b => b!["newNeeds"]!.GetValue<long>());
        Assert.Equal(NewNeeds(beforeSeries) + counted, NewNeeds(afterSeries));

        await ProfileStates.SetAsync(api, "smes", smeId, "verified");
        var verified = await SummaryAsync(agency, "?region=KG-N");

        Assert.Equal(Count(before, "smes") + 1, Count(verified, "smes"));
        Assert.Equal(Count(before, "openNeeds") + 1, Count(verified, "openNeeds"));
        Assert.Equal(Count(before, "pendingProfiles"), Count(verified, "pendingProfiles"));
    }

    [Fact]
    public async Task A_rejected_partner_counts_as_rejected_and_as_a_partner_only_while_vetting_is_off()
    {
        var agency = await api.UserAsync("agency");
        var before = await SummaryAsync(agency, "?city=yantai");

        var (_, partnerId) = await Create.PartnerAccountAsync(api, Bodies.Partner(name: "Yantai Looms", nameZh: "烟台织机", city: "yantai", sectors: ["C13"]));
        await ProfileStates.SetAsync(api, "partners", partnerId, "rejected");
        var after = await SummaryAsync(agency, "?city=yantai");

        Assert.Equal(Count(before, "partners") + (vetted ? 0 : 1), Count(after, "partners"));
        Assert.Equal(Count(before, "rejectedProfiles") + 1, Count(after, "rejectedProfiles"));
        Assert.Equal(Count(before, "pendingProfiles"), Count(after, "pendingProfiles"));
    }
}

public sealed class VettedReportTestsOnSqlite(VettingSqliteApi api) : VettedReportTests<VettingSqliteApi>(api, vetted: true), IClassFixture<VettingSqliteApi>;

public sealed class UnvettedReportTestsOnSqlite(SqliteApi api) : VettedReportTests<SqliteApi>(api, vetted: false), IClassFixture<SqliteApi>;

public sealed class VettedReportTestsOnSqlServer : VettedReportTests<VettingSqlServerApi>, IClassFixture<VettingSqlServerApi>
{
    public VettedReportTestsOnSqlServer(VettingSqlServerApi api) : base(api, vetted: true) => api.SkipWhenUnavailable();
}

public sealed class UnvettedReportTestsOnSqlServer : VettedReportTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public UnvettedReportTestsOnSqlServer(SqlServerApi api) : base(api, vetted: false) => api.SkipWhenUnavailable();
}
