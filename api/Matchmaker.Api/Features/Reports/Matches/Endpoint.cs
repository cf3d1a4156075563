using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Dapper;
using FastEndpoints;
using FluentValidation;
using Matchmaker.Api.Infrastructure.Auth;
using Matchmaker.Api.Infrastructure.Data;
using Matchmaker.Api.Infrastructure.Http;

using Matchmaker.Api.Infrastructure.OpenApi;

namespace Matchmaker.Api.Features.Reports.Matches;

public sealed class Request : ReportFilter
{
    public int? Limit { get; set; }
    public string? Cursor { get; set; }
    public string? Format { get; set; }

    internal int Take => Limit ?? Paging.DefaultLimit;

    internal long? After => Infrastructure.Http.Cursor.TryDecode(Cursor, out var key) ? key : null;
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new ReportFilterRules(Resolve<ReferenceCodes>()));
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor)
            .Must(c => Infrastructure.Http.Cursor.TryDecode(c, out _))
            .When(x => !string.IsNullOrEmpty(x.Cursor))
            .WithMessage("'cursor' is not a cursor this API returned.");
        RuleFor(x => x.Format).Must(f => f is null or "json" or "csv").WithMessage("'format' must be 'json' or 'csv'.");
    }
}

internal sealed class Endpoint(Db db) : Endpoint<Request, Page<ExportRow>>
{
    private const int CsvFlushEvery = 500;

    public override void Configure()
    {
        Get("/reports/matches");
        Roles(AppRoles.Agency, AppRoles.Admin);
        Description(b => b.WithName("exportMatches").WithMetadata(new CsvAlternative()));
        Summary(s =>
        {
            s.Summary = "Export matches: one row per match with both parties' public fields, as JSON pages or CSV";
            s.Description = "Agency and admin. JSON pages by default (`limit` 1–100, default 20, and the opaque `cursor`; ordered by match creation, oldest first). CSV when the request sends `Accept: text/csv` or `?format=csv`: the whole export (`limit` and `cursor` are ignored), UTF-8 with a byte order mark and a header row, streamed as `matches.csv` while the rows are read. Each row: match id, status, score and criteria version (of the active criteria; empty while a match awaits re-scoring), created/updated/mutual timestamps (UTC), the need (id, title, need types, USD amount, jobs to create), its SME (id, name, region, sectors) and the partner (id, name, Chinese name, city, kind). No contact data. In CSV, lists are joined with ';'. " + ReportFilter.Description;
            s.Responses[200] = "A page of matches (application/json) or the full export (text/csv).";
            s.ResponseExamples[200] = ReportExamples.Export;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct);
        if (WantsCsv(req))
        {
            await WriteCsvAsync(ExportQuery.ReadAsync(connection, db, req.Parameters(), null, int.MaxValue, ct), ct);
            return;
        }

        var rows = new List<ExportRow>();
        await foreach (var row in ExportQuery.ReadAsync(connection, db, req.Parameters(), req.After, req.Take + 1, ct))
            rows.Add(row);
        await Send.OkAsync(Paging.Build(rows, req.Take, r => r.Key, r => r), ct);
    }

    private bool WantsCsv(Request req) =>
        req.Format == "csv"
        || (req.Format is null && HttpContext.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)));

    private async Task WriteCsvAsync(IAsyncEnumerable<ExportRow> rows, CancellationToken ct)
    {
        var response = HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = "attachment; filename=\"matches.csv\"";

        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.Context.RegisterClassMap<CsvRowMap>();
        csv.WriteHeader<CsvRow>();
        await csv.NextRecordAsync();
        var written = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            csv.WriteRecord(CsvRow.From(row));
            await csv.NextRecordAsync();
            if (++written % CsvFlushEvery == 0)
                await csv.FlushAsync();
        }

        await csv.FlushAsync();
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
    public IReadOnlyList<string> NeedTypes { get; init; } = [];
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
    Guid NeedId, string NeedTitle, string NeedTypes, decimal NeedAmountUsd, int NeedJobsToCreate,
    Guid SmeId, string SmeName, string SmeRegion, string SmeSectors,
    Guid PartnerId, string PartnerName, string? PartnerNameZh, string PartnerCity, string PartnerKind)
{
    internal static CsvRow From(ExportRow r) => new(
        r.MatchId, r.Status, r.Score, r.CriteriaVersion, Iso(r.CreatedAt), Iso(r.UpdatedAt), r.MutualAt is { } m ? Iso(m) : null,
        r.NeedId, r.NeedTitle, string.Join(';', r.NeedTypes), r.NeedAmountUsd, r.NeedJobsToCreate,
        r.SmeId, r.SmeName, r.SmeRegion, string.Join(';', r.SmeSectors),
        r.PartnerId, r.PartnerName, r.PartnerNameZh, r.PartnerCity, r.PartnerKind);

    private static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
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

internal sealed record ExportDbRow
{
    public long Id { get; init; }
    public Guid MatchId { get; init; }
    public string Status { get; init; } = "";
    public decimal? Score { get; init; }
    public int? CriteriaVersion { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? MutualAt { get; init; }
    public Guid NeedId { get; init; }
    public string NeedTitle { get; init; } = "";
    public decimal NeedAmountUsd { get; init; }
    public int NeedJobsToCreate { get; init; }
    public Guid SmeId { get; init; }
    public string SmeName { get; init; } = "";
    public string SmeRegion { get; init; } = "";
    public Guid PartnerId { get; init; }
    public string PartnerName { get; init; } = "";
    public string? PartnerNameZh { get; init; }
    public string PartnerCity { get; init; } = "";
    public string PartnerKind { get; init; } = "";
    public int ListKind { get; init; }
    public string ListCode { get; init; } = "";
    public int ListPosition { get; init; }
}

/// <summary>
/// One query, read unbuffered: each match comes as one row per need type followed by one row per
/// SME sector (every need has a type and every SME a sector), consecutive and ordered by match id,
/// so the rows fold into matches while streaming and no list is fetched per match.
/// </summary>
internal static class ExportQuery
{
    private const string Columns = """
         m.id AS Id, m.public_id AS MatchId, m.status AS Status, ms.score AS Score, ms.criteria_version AS CriteriaVersion,
               m.created_at AS CreatedAt, m.updated_at AS UpdatedAt, m.mutual_at AS MutualAt,
               n.public_id AS NeedId, n.title AS NeedTitle, n.amount_usd AS NeedAmountUsd, n.jobs_to_create AS NeedJobsToCreate,
               s.public_id AS SmeId, s.name AS SmeName, s.region_code AS SmeRegion,
               p.public_id AS PartnerId, p.name AS PartnerName, p.name_zh AS PartnerNameZh, p.city_code AS PartnerCity, p.kind AS PartnerKind,

        """;

    private const string Scored = """
         LEFT JOIN match_scores ms ON ms.match_id = m.id AND ms.criteria_version = (
        """ + Matching.Scoring.ProfileStore.ActiveVersionSql + ") ";

    private const string Selected = """
         WHERE m.id IN (SELECT /**top**/ m.id FROM
        """ + ReportConditions.SummaryKeys + " CROSS JOIN " + ReportConditions.MatchJoins + " WHERE (@After IS NULL OR m.id > @After) AND " + ReportConditions.Match + """
         ORDER BY m.id /**limit**/)

        """;

    public const string Sql = "SELECT " + Columns + " 1 AS ListKind, t.need_type_code AS ListCode, t.position AS ListPosition FROM "
        + ReportConditions.MatchJoins + Scored + " JOIN need_need_types t ON t.need_id = n.id " + Selected
        + " UNION ALL SELECT " + Columns + " 2, ss.sector_code, ss.position FROM "
        + ReportConditions.MatchJoins + Scored + " JOIN sme_sectors ss ON ss.sme_id = s.id " + Selected
        + " ORDER BY Id, ListKind, ListPosition";

    public static async IAsyncEnumerable<ExportRow> ReadAsync(
        System.Data.Common.DbConnection connection, Db db, ReportParameters f, long? after, int take,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = connection.QueryUnbufferedAsync<ExportDbRow>(db.Sql(Sql), new { f.From, f.To, f.Region, f.Sector, f.City, After = after, Take = take });
        ExportDbRow? head = null;
        List<string> types = [], sectors = [];
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (head is not null && row.Id != head.Id)
            {
                yield return Fold(head, types, sectors);
                types = [];
                sectors = [];
            }

            head = row;
            (row.ListKind == 1 ? types : sectors).Add(row.ListCode);
        }

        if (head is not null)
            yield return Fold(head, types, sectors);
    }

    private static ExportRow Fold(ExportDbRow r, List<string> types, List<string> sectors) => new()
    {
        Key = r.Id,
        MatchId = r.MatchId,
        Status = r.Status,
        Score = r.Score is { } score ? Math.Round(score, 1, MidpointRounding.AwayFromZero) : null,
        CriteriaVersion = r.CriteriaVersion,
        CreatedAt = r.CreatedAt,
        UpdatedAt = r.UpdatedAt,
        MutualAt = r.MutualAt,
        NeedId = r.NeedId,
        NeedTitle = r.NeedTitle,
        NeedTypes = types,
        NeedAmountUsd = r.NeedAmountUsd,
        NeedJobsToCreate = r.NeedJobsToCreate,
        SmeId = r.SmeId,
        SmeName = r.SmeName,
        SmeRegion = r.SmeRegion,
        SmeSectors = sectors,
        PartnerId = r.PartnerId,
        PartnerName = r.PartnerName,
        PartnerNameZh = r.PartnerNameZh,
        PartnerCity = r.PartnerCity,
        PartnerKind = r.PartnerKind,
    };
}
