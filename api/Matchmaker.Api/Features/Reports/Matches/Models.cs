using System.Globalization;
using System.Text.Json;
using CsvHelper.Configuration;
using Matchmaker.Api.Features.Matching;
using Matchmaker.Api.Features.Matching.Deals;

namespace Matchmaker.Api.Features.Reports.Matches;

public sealed class Request : ReportFilter, ICursorQuery
{
    public int? Limit { get; set; }
    public string? Cursor { get; set; }
    public string? Format { get; set; }

    /// <summary>One or more match statuses, comma-separated.</summary>
    public string? Status { get; set; }

    /// <summary>The statuses the export keeps: those asked for, else every one.</summary>
    internal IReadOnlyList<string> Statuses => Status is null ? [.. MatchStatus.All] : MatchListQuery.StatusItems(Status).Distinct(StringComparer.Ordinal).ToList();

    internal int Take => Limit ?? Paging.DefaultLimit;

    internal (DateTime CreatedAt, long Id)? After =>
        Infrastructure.Http.Cursor.TryDecode(Cursor, 2, out var keys) && Infrastructure.Http.Cursor.Time(keys[0]) is { } at ? (at, keys[1]) : null;
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new ReportFilterRules(Resolve<ReferenceCodes>()));
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Status).MatchStatusList();
        RuleFor(x => x.Format).Must(f => f is null or "json" or "csv").WithMessage(_ => Messages.Get("Value.OneOf", "format", "json, csv"));
    }
}

/// <summary>One match of the export, as JSON.</summary>
public sealed record ExportRow
{
    [System.Text.Json.Serialization.JsonIgnore]
    internal long Key { get; init; }

    public Guid MatchId { get; init; }
    public string Status { get; init; } = "";
    public decimal? Score { get; init; }
    public int? CriteriaVersion { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? MutualAt { get; init; }
    public Guid NeedId { get; init; }
    public string NeedTitle { get; init; } = "";

    /// <summary>As the need reads now: open, expired or closed.</summary>
    public string NeedStatus { get; init; } = "";
    public IReadOnlyList<string> NeedTypes { get; init; } = [];

    /// <summary>The sectors matching uses: the need's own, else its SME's.</summary>
    public IReadOnlyList<string> NeedSectors { get; init; } = [];

    /// <summary>The amount in the currency the SME gave it in.</summary>
    public decimal NeedAmount { get; init; }
    public string NeedCurrency { get; init; } = "";
    public decimal NeedAmountUsd { get; init; }
    public int NeedJobsToCreate { get; init; }
    public Guid SmeId { get; init; }
    public string SmeName { get; init; } = "";
    public string SmeRegion { get; init; } = "";
    public IReadOnlyList<string> SmeSectors { get; init; } = [];
    public Guid PartnerId { get; init; }
    public string PartnerName { get; init; } = "";
    public string? PartnerNameZh { get; init; }
    public string PartnerCity { get; init; } = "";
    public string PartnerKind { get; init; } = "";
}

/// <summary>The same row flattened for CSV: lists joined with ';', timestamps in ISO 8601 UTC.</summary>
public sealed record CsvRow(
    Guid MatchId, string Status, decimal? Score, int? CriteriaVersion, string CreatedAt, string UpdatedAt, string? MutualAt,
    Guid NeedId, string NeedTitle, string NeedStatus, string NeedTypes, string NeedSectors, decimal NeedAmount, string NeedCurrency,
    decimal NeedAmountUsd, int NeedJobsToCreate,
    Guid SmeId, string SmeName, string SmeRegion, string SmeSectors,
    Guid PartnerId, string PartnerName, string? PartnerNameZh, string PartnerCity, string PartnerKind)
{
    internal static CsvRow From(ExportRow r) => new(
        r.MatchId, r.Status, r.Score, r.CriteriaVersion, Iso(r.CreatedAt), Iso(r.UpdatedAt), r.MutualAt is { } m ? Iso(m) : null,
        r.NeedId, r.NeedTitle, r.NeedStatus, string.Join(';', r.NeedTypes), string.Join(';', r.NeedSectors), r.NeedAmount, r.NeedCurrency,
        r.NeedAmountUsd, r.NeedJobsToCreate,
        r.SmeId, r.SmeName, r.SmeRegion, string.Join(';', r.SmeSectors),
        r.PartnerId, r.PartnerName, r.PartnerNameZh, r.PartnerCity, r.PartnerKind);

    // "O" of a UTC time is yyyy-MM-ddTHH:mm:ss.fffffffZ, and the fastest format .NET has.
    private static string Iso(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>CSV headers are the JSON field names, so a column reads the same in both formats.</summary>
internal sealed class CsvRowMap : ClassMap<CsvRow>
{
    public CsvRowMap()
    {
        AutoMap(CultureInfo.InvariantCulture);
        foreach (var member in MemberMaps)
            member.Name(JsonNamingPolicy.CamelCase.ConvertName(member.Data.Member!.Name));
    }
}
