using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Partners;
using Matchmaker.Api.Features.Reports.ByCity;
using Matchmaker.Api.Features.Reports.DeclineReasons;
using Matchmaker.Api.Features.Reports.ByRegion;
using Matchmaker.Api.Features.Reports.BySector;
using Matchmaker.Api.Features.Reports.Matches;
using Matchmaker.Api.Features.Reports.Pipeline;
using Matchmaker.Api.Features.Reports.Timeseries;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Smes;

namespace Matchmaker.Api.Features.Reports;

/// <summary>The figures of the demo data set (Seed:Demo), as the README shows them.</summary>
internal static class ReportExamples
{
    private static readonly long[] StatusCounts = [3784, 43, 40, 25, 17, 9, 13, 2, 20];

    public static ReportMeasures Summary => new()
    {
        Smes = 119,
        OpenNeeds = 196,
        ExpiredNeeds = 0,
        RequestedInvestmentUsd = 146_036_121m,
        Partners = 60,
        PendingProfiles = 0,
        RejectedProfiles = 0,
        MatchesTotal = StatusCounts.Sum(),
        Matches = MatchStatus.All.Zip(StatusCounts).ToDictionary(p => p.First, p => p.Second),
        InvestmentInMutualOrLaterUsd = 44_258_525m,
        JobsInMutualOrLater = 2733,
        MatchedNeeds = 188,
        ExportOrientedMatchedNeeds = 56,
        ExportOrientedShareOfMatchedNeeds = 0.2979,
        Agreements = 15,
        MedianDaysToAgreement = 36.9,
        RealisedInvestmentUsd = 0m,
        JobsCreated = 0,
        YouthJobsCreated = 0,
    };

    /// <summary>One region's row: the summary filtered by that region.</summary>
    private static ReportMeasures Chuy => new()
    {
        Smes = 21,
        OpenNeeds = 35,
        RequestedInvestmentUsd = 24_310_000m,
        Partners = 48,
        MatchesTotal = 702,
        Matches = MatchStatus.All.Zip(new long[] { 671, 8, 7, 5, 3, 2, 3, 0, 3 }).ToDictionary(p => p.First, p => p.Second),
        InvestmentInMutualOrLaterUsd = 5_694_872.5m,
        JobsInMutualOrLater = 333,
        MatchedNeeds = 34,
        ExportOrientedMatchedNeeds = 11,
        ExportOrientedShareOfMatchedNeeds = 0.3235,
        Agreements = 2,
        MedianDaysToAgreement = 36.7,
        RealisedInvestmentUsd = 0m,
        JobsCreated = 0,
        YouthJobsCreated = 0,
    };

    public static ReportRows<RegionRow> ByRegion => new([new RegionRow("KG-C", Chuy)]);

    public static ReportRows<CityRow> ByCity => new([new CityRow("qingdao", Chuy with { Smes = 64, Partners = 9 })]);

    public static ReportRows<SectorRow> BySector => new([new SectorRow("C", Summary with { Smes = 73, Partners = 51 })]);

    public static ReportRows<DeclineReasonRow> DeclineReasons => new(
        Matching.Decline.DeclineReasons.Reported.SelectMany(code => Reports.DeclineReasons.Endpoint.Sides.Select(side => new DeclineReasonRow(code, side, code switch
        {
            Matching.Decline.DeclineReasons.Unspecified => side == "sme" ? 6 : 14,
            _ => 0,
        }))).ToList());

    public static PipelineResponse Pipeline => new(
        MatchStatus.All.Zip(StatusCounts).Select(p => new StatusRow(p.First, p.Second)).ToList(),
        [
            new StageRow("suggested", 3953, null),
            new StageRow("interest", 169, 0.0428),
            new StageRow("mutual", 78, 0.4615),
            new StageRow("meeting", 47, 0.6026),
            new StageRow("negotiation", 27, 0.5745),
            new StageRow("agreement", 16, 0.5926),
            new StageRow("closed", 2, 0.125),
        ],
        StatusCounts.Sum(),
        20);

    public static TimeseriesResponse Timeseries => new("quarter",
    [
        new Bucket("2026-Q1", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), 64, 110, 31, 2104, 80_950_000m),
        new Bucket("2026-Q2", new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), 55, 93, 29, 1849, 65_086_121m),
    ]);

    public static Page<ExportRow> Export
    {
        get
        {
            var need = NeedExamples.Open;
            var partner = PartnerExamples.Full;
            var sme = SmeExamples.Full;
            return new Page<ExportRow>(
            [
                new ExportRow
                {
                    MatchId = Examples.MatchId,
                    Status = "mutual",
                    Score = 87.0m,
                    CriteriaVersion = 1,
                    CreatedAt = Examples.PartnerJoined,
                    UpdatedAt = Examples.Updated,
                    MutualAt = Examples.Updated,
                    NeedId = need.Id,
                    NeedTitle = need.Title,
                    NeedStatus = need.Status,
                    NeedTypes = need.NeedTypes,
                    NeedSectors = need.EffectiveSectors,
                    NeedAmount = need.Amount.Amount,
                    NeedCurrency = need.Amount.Currency,
                    NeedAmountUsd = need.AmountUsd,
                    NeedJobsToCreate = need.JobsToCreate,
                    SmeId = sme.Id,
                    SmeName = sme.Name,
                    SmeRegion = sme.Region,
                    SmeSectors = sme.Sectors,
                    PartnerId = partner.Id,
                    PartnerName = partner.Name,
                    PartnerNameZh = partner.NameZh,
                    PartnerCity = partner.City,
                    PartnerKind = partner.Kind,
                },
            ], Examples.Cursor);
        }
    }
}
