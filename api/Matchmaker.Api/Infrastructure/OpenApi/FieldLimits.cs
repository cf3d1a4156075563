using Matchmaker.Api.Features.Matching.Criteria.Update;
using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Partners;
using Matchmaker.Api.Features.Reports;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Smes;
using Matchmaker.Api.Features.Users;
using Matchmaker.Api.Infrastructure.Http;

namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>
/// The bounds of every field by its JSON name, wherever it appears (request, response, query):
/// what the validators enforce on the way in is what the API promises on the way out.
/// FastEndpoints.Swagger maps plain FluentValidation rules itself; these are the ones it cannot see
/// (custom <c>Must</c> rules, list rules, reference codes, server-owned fields).
/// </summary>
internal static class FieldLimits
{
    public const int DateTimeMaxLength = 40;
    public const int UrlMaxLength = 2048;

    public static readonly string[] Roles = ["sme", "partner", "agency", "admin"];
    public static readonly string[] NeedTypes = ["equity", "loan", "joint_venture", "equipment_supply", "technology_transfer", "offtake"];
    public static readonly string[] Currencies = ["USD", "CNY", "KGS"];
    public static readonly string[] Languages = ["ky", "ru", "zh", "en"];
    public static readonly string[] MatchStatuses = ["suggested", "sme_interested", "partner_interested", "mutual", "meeting", "negotiation", "agreement", "closed", "declined"];

    private const string Division = "^[A-U][0-9]{2}$";
    private const string DivisionOrSection = "^[A-U]([0-9]{2})?$";
    private const string Region = "^KG-[A-Z]{1,2}$";
    private const string City = "^[a-z][a-z_]{1,39}$";
    private const string UsccCharacters = "^[0-9A-HJ-NP-RTUW-Y]{18}$";
    private const string Word = "^[a-z][a-z_]*$";

    /// <summary>String fields: max length plus a pattern or enum where the values are codes.</summary>
    public static readonly Dictionary<string, StringLimit> Strings = new(StringComparer.Ordinal)
    {
        ["name"] = new(200),
        ["nameZh"] = new(200),
        ["smeName"] = new(200),
        ["title"] = new(200),
        ["person"] = new(200),
        ["description"] = new(4000),
        ["inn"] = new(14, "^[0-9]{14}$"),
        ["uscc"] = new(Uscc.Length, UsccCharacters),
        ["region"] = new(5, Region),
        ["city"] = new(40, City),
        ["kind"] = new(16, Enum: ["manufacturer", "investor", "both"]),
        ["email"] = new(UserAccounts.MaxEmailLength, Format: "email"),
        ["password"] = new(UserAccounts.MaxPasswordLength),
        ["role"] = new(16, Enum: Roles),
        ["actorRole"] = new(16, Enum: Roles),
        ["currency"] = new(3, Enum: Currencies),
        ["needType"] = new(32, Enum: NeedTypes),
        ["sector"] = new(3, DivisionOrSection),
        ["q"] = new(SearchText.MaxQueryLength),
        ["cursor"] = new(16, "^[A-Za-z0-9_-]{1,16}$"),
        ["nextCursor"] = new(16, "^[A-Za-z0-9_-]{1,16}$"),
        ["reason"] = new(2000),
        ["closeReason"] = new(1000),
        ["note"] = new(2000),
        ["status"] = new(32, Word),
        ["stage"] = new(16, Enum: ["meeting", "negotiation", "agreement", "closed"]),
        ["from"] = new(DateTimeMaxLength, ReportFilter.TimePattern),
        ["to"] = new(DateTimeMaxLength, ReportFilter.TimePattern),
        ["action"] = new(32, Word),
        ["criterion"] = new(32, Enum: [.. CriterionKeys.All]),
        ["key"] = new(32, Enum: [.. CriterionKeys.All]),
        ["accessToken"] = new(8192, "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$"),
        ["tokenType"] = new(6, Enum: ["Bearer"]),
        ["error"] = new(4000),
        ["interval"] = new(8, Enum: ["month", "quarter"]),
        ["format"] = new(4, Enum: ["json", "csv"]),
        ["period"] = new(7, "^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$"),
        ["needTitle"] = new(200),
        ["partnerName"] = new(200),
        ["partnerNameZh"] = new(200),
        ["smeRegion"] = new(5, Region),
        ["partnerCity"] = new(40, City),
        ["partnerKind"] = new(16, Enum: ["manufacturer", "investor", "both"]),
        ["list"] = new(16, Enum: ["regions", "cities", "sectors", "need-types", "currencies"]),
        ["code"] = new(16, "^[A-Za-z0-9_-]{1,16}$"),
        ["nameEn"] = new(300),
        ["nameRu"] = new(300),
        ["section"] = new(1, "^[A-U]$"),
        ["level"] = new(8, Enum: ["section", "division"]),
        ["division"] = new(6, "^[0-9]{6}$"),
        // Problem details (RFC 9457).
        ["type"] = new(UrlMaxLength),
        ["detail"] = new(4000),
        ["instance"] = new(UrlMaxLength),
        ["traceId"] = new(128, "^[0-9a-f-]+$"),
    };

    /// <summary>The same name means something else in these schemas.</summary>
    public static readonly Dictionary<string, StringLimit> StringsBySchema = new(StringComparer.Ordinal)
    {
        ["MatchingMatchResponse.status"] = new(32, Enum: MatchStatuses),
        ["MatchingMatchEventResponse.from"] = new(32, Enum: MatchStatuses),
        ["MatchingMatchEventResponse.to"] = new(32, Enum: MatchStatuses),
        ["PipelineStageRow.stage"] = new(16, Enum: Features.Reports.Pipeline.Endpoint.StageNames),
        ["PipelineStatusRow.status"] = new(32, Enum: MatchStatuses),
        ["NeedsNeedResponse.status"] = new(8, Enum: ["open", "closed"]),
        ["MatchingMatchNeedSummary.status"] = new(8, Enum: ["open", "closed"]),
        ["JobsJobResponse.status"] = new(16, Enum: ["queued", "running", "succeeded", "failed"]),
        ["JobsJobResponse.kind"] = new(16, Enum: ["rescore"]),
        ["CriteriaCriteriaResponse.status"] = new(16, Enum: ["pending", "active"]),
        ["ProblemDetails.title"] = new(200),
        // Sign-in takes whatever was typed: a malformed address gets the same 401 as a wrong one.
        ["AuthTokenRequest.email"] = new(UserAccounts.MaxEmailLength),
        ["BreakdownItem.reason"] = new(500),
    };

    /// <summary>Items of string lists.</summary>
    public static readonly Dictionary<string, (StringLimit Item, int MaxItems)> Lists = new(StringComparer.Ordinal)
    {
        ["SmesSmeRequest.sectors"] = (new(3, Division), SmeRequestValidator.MaxSectors),
        ["SmesSmeResponse.sectors"] = (new(3, Division), SmeRequestValidator.MaxSectors),
        ["NeedsNeedRequest.sectors"] = (new(3, Division), 5),
        ["NeedsNeedResponse.sectors"] = (new(3, Division), 5),
        ["sectors"] = (new(3, Division), 10),
        ["effectiveSectors"] = (new(3, Division), 10),
        ["needTypes"] = (new(32, Enum: NeedTypes), NeedTypes.Length),
        ["offerings"] = (new(32, Enum: NeedTypes), NeedTypes.Length),
        ["languages"] = (new(2, Enum: Languages), Languages.Length),
        ["certifications"] = (new(100), 20),
        ["requiredCertifications"] = (new(100), 20),
        ["exportMarkets"] = (new(2, "^[A-Z]{2}$"), 50),
        ["targetRegions"] = (new(5, Region), 9),
        ["smeSectors"] = (new(3, Division), 10),
    };

    /// <summary>Lists of objects.</summary>
    public static readonly Dictionary<string, int> ObjectLists = new(StringComparer.Ordinal)
    {
        ["items"] = Paging.MaxLimit,
        ["breakdown"] = CriterionKeys.All.Length,
        ["criteria"] = CriterionKeys.All.Length,
        ["events"] = 50,
        ["rates"] = 50,
        ["statuses"] = MatchStatuses.Length,
        ["stages"] = MatchStatuses.Length,
        ["ReferenceListResponse.items"] = 1000,
        ["ReferenceFxRatesResponse.items"] = 1000,
    };

    public static readonly Dictionary<string, (long Min, long Max)> Integers = new(StringComparer.Ordinal)
    {
        ["employees"] = (1, 1_000_000),
        ["foundedYear"] = (1900, 9999),
        ["jobsToCreate"] = (0, 1_000_000),
        ["horizonMonths"] = (1, 120),
        ["limit"] = (1, Paging.MaxLimit),
        ["version"] = (1, int.MaxValue),
        ["criteriaVersion"] = (1, int.MaxValue),
        ["activeVersion"] = (1, int.MaxValue),
        ["maxPerNeed"] = (1, Validator.MaxCap),
        ["maxPerPartner"] = (1, Validator.MaxCap),
        ["processed"] = (0, int.MaxValue),
        ["total"] = (0, int.MaxValue),
        ["attempts"] = (0, 1000),
        ["expiresIn"] = (1, int.MaxValue),
        ["status"] = (100, 599),
        ["retryAfter"] = (1, 86_400),
        // Report counts.
        ["smes"] = (0, long.MaxValue),
        ["openNeeds"] = (0, long.MaxValue),
        ["partners"] = (0, long.MaxValue),
        ["matches"] = (0, long.MaxValue),
        ["matchesTotal"] = (0, long.MaxValue),
        ["matchedNeeds"] = (0, long.MaxValue),
        ["exportOrientedMatchedNeeds"] = (0, long.MaxValue),
        ["jobsInMutualOrLater"] = (0, long.MaxValue),
        ["declined"] = (0, long.MaxValue),
        ["reached"] = (0, long.MaxValue),
        ["newSmes"] = (0, long.MaxValue),
        ["newNeeds"] = (0, long.MaxValue),
        ["newPartners"] = (0, long.MaxValue),
        ["newMatches"] = (0, long.MaxValue),
        ["needJobsToCreate"] = (0, 1_000_000),
    };
}

internal sealed record StringLimit(int MaxLength, string? Pattern = null, string[]? Enum = null, string? Format = null);
