using System.Globalization;
using System.Text.RegularExpressions;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Verification;

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

    /// <param name="now">The instant an open need counts as expired after (<c>expires_at</c> at or before it).</param>
    /// <param name="vetting">Whether only verified profiles, and the needs of verified SMEs, are counted.</param>
    internal ReportParameters Parameters(DateTime now, Vetting vetting) => new(Utc(From), Utc(To), Region, Sector, City, now, vetting.Required);

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

internal sealed record ReportParameters(DateTime? From, DateTime? To, string? Region, string? Sector, string? City, DateTime Now, bool ListedOnly);

internal sealed class ReportFilterRules : AbstractValidator<ReportFilter>
{
    public ReportFilterRules(ReferenceCodes codes)
    {
        RuleFor(x => x.From).Must(t => t is null || ReportFilter.Utc(t) is not null).WithMessage(_ => Messages.Get("Time.Utc"));
        RuleFor(x => x.To).Must(t => t is null || ReportFilter.Utc(t) is not null).WithMessage(_ => Messages.Get("Time.Utc"))
            .Must((x, to) => ReportFilter.Utc(x.From) is not { } from || ReportFilter.Utc(to) is not { } end || from < end)
            .WithMessage(_ => Messages.Get("Time.ToAfterFrom"));
        RuleFor(x => x.Region).OneOf(() => codes.Regions, CodeKind.Region);
        RuleFor(x => x.City).OneOf(() => codes.Cities, CodeKind.City);
        RuleFor(x => x.Sector).SectorCode(codes);
    }
}
