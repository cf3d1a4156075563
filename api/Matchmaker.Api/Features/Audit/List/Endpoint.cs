using Matchmaker.Api.Features.Reports;

namespace Matchmaker.Api.Features.Audit.List;

public sealed class Request : PagedQuery
{
    public string? Actor { get; set; }
    public string? Action { get; set; }
    public string? TargetType { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new PagedQueryRules());
        RuleFor(x => x.Actor).Must(a => a is null || Guid.TryParse(a, out _)).WithMessage(_ => Messages.Get("Audit.Actor"));
        RuleFor(x => x.Action).Must(a => AuditAction.All.Contains(a)).When(x => x.Action is not null)
            .WithMessage(_ => Messages.Get("Value.OneOf", "action", string.Join(", ", AuditAction.All)));
        RuleFor(x => x.TargetType).Must(t => AuditTarget.All.Contains(t)).When(x => x.TargetType is not null)
            .WithMessage(_ => Messages.Get("Value.OneOf", "targetType", string.Join(", ", AuditTarget.All)));
        RuleFor(x => x.From).Must(t => t is null || ReportFilter.Utc(t) is not null).WithMessage(_ => Messages.Get("Time.Utc"));
        RuleFor(x => x.To).Must(t => t is null || ReportFilter.Utc(t) is not null).WithMessage(_ => Messages.Get("Time.Utc"))
            .Must((x, to) => ReportFilter.Utc(x.From) is not { } from || ReportFilter.Utc(to) is not { } end || from < end)
            .WithMessage(_ => Messages.Get("Time.ToAfterFrom"));
    }
}

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect) : Endpoint<Request, Page<AuditEntryResponse>>
{
    public override void Configure()
    {
        Get("/audit");
        Description(b => b.WithName("listAuditEntries"));
        Roles(AppRoles.Admin);
        Summary(s =>
        {
            s.Summary = "Read the audit log, newest first";
            s.Description = "Admin only. Append-only entries for account creation, role, activity and password changes, criteria changes, "
                + "job restarts, FX rate changes, password resets, agencies' decisions on SME and partner profiles (`profile.verified`, `profile.rejected`, "
                + "target type `sme` or `partner`) and every match transition (interest, decline, stage), each written in the transaction of "
                + "the change it records. Matches a re-score adds or removes are computed, not acted on, and are not entries. "
                + "Work the system does on its own (the bootstrap admin) has `actorRole` `system` and no `actorId`. "
                + "Filters (combined with AND): `actor` (account id), `action`, `targetType`, `from` (inclusive) and `to` (exclusive) "
                + "as UTC dates or timestamps. " + NewestFirst.Description;
            s.Params["actor"] = "Only entries of this account (its id).";
            s.Params["action"] = $"Only this action: {string.Join(", ", AuditAction.All.Select(a => $"`{a}`"))}.";
            s.Params["targetType"] = $"Only entries about this kind of record: {string.Join(", ", AuditTarget.All.Select(t => $"`{t}`"))}.";
            s.Params["from"] = "Entries at or after this UTC date (`2025-01-31`) or timestamp (`2025-01-31T08:00:00Z`).";
            s.Params["to"] = "Entries before this UTC date or timestamp (exclusive).";
            s.ResponseExamples[200] = AuditExamples.Page;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var filter = new AuditFilter(req.Actor is null ? null : Guid.Parse(req.Actor), req.Action, req.TargetType, ReportFilter.Utc(req.From), ReportFilter.Utc(req.To));
        var rows = await AuditLog.ListAsync(connection, dialect, filter, req.AfterCreatedAt, req.AfterId, req.Take + 1, ct);
        await Send.OkAsync(Paging.Build(rows, req.Take, r => NewestFirst.Cursor(r.CreatedAt, r.Id), AuditEntryResponse.From), ct);
    }
}
