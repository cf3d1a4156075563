using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Reports.Matches;

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect, TimeProvider clock, Vetting vetting) : Endpoint<Request, Page<ExportRow>>
{
    private const int CsvFlushEvery = 500;

    // Rows go to the client in blocks of this size rather than a few hundred bytes at a time.
    private const int CsvBufferChars = 1 << 16;

    public override void Configure()
    {
        Get("/reports/matches");
        Roles(AppRoles.Agency, AppRoles.Admin);
        Description(b => b.WithName("exportMatches").WithMetadata(new CsvAlternative(),
            new QueryList("status", MatchStatus.All, [MatchStatus.Mutual, MatchStatus.Meeting])));
        Summary(s =>
        {
            s.Summary = "Export matches: one row per match with both parties' public fields, as JSON pages or CSV";
            s.Description = "Agency and admin. JSON pages by default (`limit` 1–100, default 20, and the opaque `cursor`; " + ExportQuery.OrderDescription + "). CSV when the request sends `Accept: text/csv` or `?format=csv`: the whole export in the same order (`limit` and `cursor` are ignored), UTF-8 with a byte order mark and a header row, streamed as `matches.csv` while the rows are read. Each row: match id, status, score and criteria version (of the active criteria; empty while a match awaits re-scoring), created/updated/mutual timestamps (UTC), the need (id, title, status as it reads now: `open`, `expired` or `closed`, need types, effective sectors: its own, else its SME's, amount and currency as the SME gave them, USD amount, jobs to create), its SME (id, name, region, sectors) and the partner (id, name, Chinese name, city, kind). No contact data. In CSV, lists are joined with ';'; only text cells that begin with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading `'`, numbers stay numbers. `status` keeps matches in one or more statuses, comma-separated (`mutual,meeting`). " + ReportFilter.Description;
            s.Responses[200] = "A page of matches (application/json) or the full export (text/csv).";
            s.ResponseExamples[200] = ReportExamples.Export;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct);
        if (WantsCsv(req))
        {
            await WriteCsvAsync(ExportQuery.ReadAllAsync(connection, req.Parameters(clock.GetUtcNow().UtcDateTime, vetting), req.Statuses, ct), ct);
            return;
        }

        var rows = new List<ExportRow>();
        await foreach (var row in ExportQuery.ReadAsync(connection, dialect, req.Parameters(clock.GetUtcNow().UtcDateTime, vetting), req.Statuses, req.After, req.Take + 1, ct))
            rows.Add(row);
        await Send.OkAsync(Paging.Build(rows, req.Take, r => Infrastructure.Http.Cursor.Encode(r.CreatedAt.Ticks, r.Key), r => r), ct);
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

        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), CsvBufferChars, leaveOpen: true);
        // A name or title starting with =, +, - or @ would run as a formula in the agency's spreadsheet.
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape, BufferSize = CsvBufferChars });
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
