using System.Globalization;
using System.Text.RegularExpressions;
using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Reports;

/// <summary>The filters every report takes; each narrows SMEs, needs, partners and matches the same way.</summary>
public abstract partial class ReportFilter
{
    public const string Description = """
        Filters (all optional, combined with AND): `from` (inclusive) and `to` (exclusive) are UTC dates (`2025-01-31`) or timestamps (`2025-01-31T08:00:00Z`) applied to the creation time of whatever is counted (an SME, a need, a partner, a match); `region` (KG code) keeps SMEs of that region, their needs and the matches on those needs, and the partners that have a match with such a need; `city` (Shandong city code) keeps partners of that city and their matches, and the SMEs and needs that have a match with such a partner; `sector` (ISIC division like `C28` or section letter like `C`) keeps SMEs and partners with a sector in it, and needs (and their matches) whose effective sectors (own sectors if the need has them, else its SME's) are in it. Money is in USD, converted when the need was written.
        """;

    public string? From { get; set; }
    public string? To { get; set; }
    public string? Region { get; set; }
    public string? Sector { get; set; }
    public string? City { get; set; }

    internal ReportParameters Parameters() => new(Utc(From), Utc(To), Region, Sector, City);

    /// <summary>ISO 8601 only, so that <c>01/02/2025</c> is not read one way here and the other way by the client.</summary>
    public const string TimePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$";

    [GeneratedRegex(TimePattern, RegexOptions.CultureInvariant)]
    private static partial Regex IsoTime();

    internal static DateTime? Utc(string? text) =>
        text is not null && IsoTime().IsMatch(text)
        && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : null;
}

/// <summary>The query of the reports that take only the filters.</summary>
public sealed class ReportQuery : ReportFilter;

internal sealed class ReportQueryValidator : Validator<ReportQuery>
{
    public ReportQueryValidator() => Include(new ReportFilterRules(Resolve<ReferenceCodes>()));
}

internal sealed record ReportParameters(DateTime? From, DateTime? To, string? Region, string? Sector, string? City);

internal sealed class ReportFilterRules : AbstractValidator<ReportFilter>
{
    private const string TimeMessage = "'{PropertyName}' must be a UTC date such as 2025-01-31 or a timestamp such as 2025-01-31T08:00:00Z.";

    public ReportFilterRules(ReferenceCodes codes)
    {
        RuleFor(x => x.From).Must(t => t is null || ReportFilter.Utc(t) is not null).WithMessage(TimeMessage);
        RuleFor(x => x.To).Must(t => t is null || ReportFilter.Utc(t) is not null).WithMessage(TimeMessage)
            .Must((x, to) => ReportFilter.Utc(x.From) is not { } from || ReportFilter.Utc(to) is not { } end || from < end)
            .WithMessage("'to' must be later than 'from' (from is inclusive, to exclusive).");
        RuleFor(x => x.Region).OneOf(() => codes.Regions, "region");
        RuleFor(x => x.City).OneOf(() => codes.Cities, "city");
        RuleFor(x => x.Sector).SectorCode(codes);
    }
}

/// <summary>
/// The filter conditions as SQL. Every report reads them against a row <c>k (code, region, city, sector)</c>:
/// the summary supplies one row holding the request's filters, a grouped report one row per region, city
/// or sector with that value in place of the filter, so each of its rows is the summary filtered by the row.
/// </summary>
internal static class ReportConditions
{
    public const string SummaryKeys = " (SELECT '' AS code, @Region AS region, @City AS city, @Sector AS sector) k ";

    public const string MutualOrLater = " m.status IN " + MatchStatus.StagesAsSqlList + " ";

    public const string MatchJoins = """
         matches m
        JOIN needs n ON n.id = m.need_id
        JOIN smes s ON s.id = n.sme_id
        JOIN partners p ON p.id = m.partner_id

        """;

    public const string Sme = """
         (k.region IS NULL OR s.region_code = k.region)
          AND (k.sector IS NULL OR EXISTS (SELECT 1 FROM sme_sectors ss JOIN sectors sc ON sc.code = ss.sector_code
                                           WHERE ss.sme_id = s.id AND (sc.code = k.sector OR sc.section = k.sector)))
          AND (k.city IS NULL OR EXISTS (SELECT 1 FROM needs cn JOIN matches cm ON cm.need_id = cn.id JOIN partners cp ON cp.id = cm.partner_id
                                         WHERE cn.sme_id = s.id AND cp.city_code = k.city))
          AND (@From IS NULL OR s.created_at >= @From) AND (@To IS NULL OR s.created_at < @To)

        """;

    private const string NeedSector = """
         (k.sector IS NULL
               OR EXISTS (SELECT 1 FROM need_effective_sectors es JOIN sectors sc ON sc.code = es.sector_code
                          WHERE es.need_id = n.id AND (sc.code = k.sector OR sc.section = k.sector)))

        """;

    public const string Need = """
         (k.region IS NULL OR s.region_code = k.region)
          AND (k.city IS NULL OR EXISTS (SELECT 1 FROM matches cm JOIN partners cp ON cp.id = cm.partner_id
                                         WHERE cm.need_id = n.id AND cp.city_code = k.city))
          AND (@From IS NULL OR n.created_at >= @From) AND (@To IS NULL OR n.created_at < @To)
          AND
        """ + NeedSector;

    public const string Partner = """
         (k.city IS NULL OR p.city_code = k.city)
          AND (k.sector IS NULL OR EXISTS (SELECT 1 FROM partner_sectors ps JOIN sectors sc ON sc.code = ps.sector_code
                                           WHERE ps.partner_id = p.id AND (sc.code = k.sector OR sc.section = k.sector)))
          AND (k.region IS NULL OR EXISTS (SELECT 1 FROM matches cm JOIN needs cn ON cn.id = cm.need_id JOIN smes cs ON cs.id = cn.sme_id
                                           WHERE cm.partner_id = p.id AND cs.region_code = k.region))
          AND (@From IS NULL OR p.created_at >= @From) AND (@To IS NULL OR p.created_at < @To)

        """;

    public const string Match = """
         (k.region IS NULL OR s.region_code = k.region)
          AND (k.city IS NULL OR p.city_code = k.city)
          AND (@From IS NULL OR m.created_at >= @From) AND (@To IS NULL OR m.created_at < @To)
          AND
        """ + NeedSector;
}
