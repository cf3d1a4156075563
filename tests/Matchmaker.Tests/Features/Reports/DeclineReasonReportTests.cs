using System.Globalization;
using System.Text.Json.Nodes;
using Matchmaker.Tests.Features.Matching;

namespace Matchmaker.Tests.Features.Reports;

/// <summary>
/// The decline-reasons report on a cast of its own: four declines of the Qingdao partner's matches with a KG-C SME,
/// the last of a match created three days before it was declined.
/// </summary>
public abstract class DeclineReasonReportTests<TApi>(TApi api) where TApi : ApiFixture
{
    private sealed record Declines(DealCast Cast, DateTime Before, DateTime Middle, DateTime After);

    private Task<Declines> DeclinesAsync() => api.SharedAsync(async a =>
    {
        var cast = await DealCast.CreateAsync(a);
        var before = a.Clock.UtcNow;
        await Matches.ActAsync(cast.Owner.Client, await cast.FreshMatchAsync(), "decline", new JsonObject { ["reasonCode"] = "timing" });
        await Matches.ActAsync(cast.Partner.Client, await cast.FreshMatchAsync(), "decline", new JsonObject { ["reasonCode"] = "timing" });
        await Matches.ActAsync(cast.Partner.Client, await cast.FreshMatchAsync("sme_interested"), "decline");
        var late = await cast.FreshMatchAsync();
        a.Clock.Advance(TimeSpan.FromDays(3));
        var middle = a.Clock.UtcNow;
        await Matches.ActAsync(cast.Owner.Client, late, "decline", new JsonObject { ["reasonCode"] = "other" });
        return new Declines(cast, before, middle, a.Clock.UtcNow.AddMilliseconds(1));
    });

    [Fact]
    public async Task Declines_are_counted_by_code_and_side_with_every_pair_listed_and_no_code_as_unspecified()
    {
        var declines = await DeclinesAsync();

        var rows = await RowsAsync(declines, "");

        Assert.Equal(20, rows.Count);
        Assert.Equal(1, rows[("timing", "sme")]);
        Assert.Equal(1, rows[("timing", "partner")]);
        Assert.Equal(1, rows[("unspecified", "partner")]);
        Assert.Equal(1, rows[("other", "sme")]);
        Assert.Equal(4, rows.Values.Sum());
    }

    [Theory]
    [InlineData("?from=BEFORE", 4)]
    [InlineData("?from=AFTER", 0)]
    [InlineData("?to=BEFORE", 0)]
    [InlineData("?to=MIDDLE", 3)]
    [InlineData("?from=MIDDLE&region=KG-C&city=qingdao&sector=C28", 1)]
    [InlineData("?region=KG-C", 4)]
    [InlineData("?region=KG-Y", 0)]
    [InlineData("?city=qingdao", 4)]
    [InlineData("?city=weifang", 0)]
    [InlineData("?sector=C", 4)]
    [InlineData("?sector=A", 0)]
    public async Task The_filters_keep_the_declines_of_the_matches_they_keep_and_the_period_applies_to_the_decline(string query, int expected)
    {
        var declines = await DeclinesAsync();

        var rows = await RowsAsync(declines, query.Replace("BEFORE", Iso(declines.Before), StringComparison.Ordinal)
            .Replace("MIDDLE", Iso(declines.Middle), StringComparison.Ordinal).Replace("AFTER", Iso(declines.After), StringComparison.Ordinal));

        Assert.Equal(expected, rows.Values.Sum());
    }

    private static async Task<Dictionary<(string Code, string Side), long>> RowsAsync(Declines declines, string query)
    {
        var body = await Expect.StatusAsync(await declines.Cast.Agency.Client.GetAsync("/api/v1/reports/decline-reasons" + query), 200);
        return body["items"]!.AsArray().ToDictionary(
            r => (r!["reasonCode"]!.GetValue<string>(), r["side"]!.GetValue<string>()), r => r!["count"]!.GetValue<long>());
    }

    private static string Iso(DateTime utc) => Uri.EscapeDataString(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
}

public sealed class DeclineReasonReportTestsOnSqlite(SqliteApi api) : DeclineReasonReportTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class DeclineReasonReportTestsOnSqlServer : DeclineReasonReportTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public DeclineReasonReportTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
