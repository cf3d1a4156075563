using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Needs.Search;

public sealed class Request : PagedQuery
{
    public string? Sector { get; set; }
    public string? Region { get; set; }
    public string? NeedType { get; set; }
    public decimal? MinUsd { get; set; }
    public decimal? MaxUsd { get; set; }
    public string? Q { get; set; }
    public string? Status { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        var codes = Resolve<ReferenceCodes>();
        Include(new PagedQueryRules());
        RuleFor(x => x.Sector).SectorCode(codes);
        RuleFor(x => x.Region).OneOf(() => codes.Regions, CodeKind.Region);
        RuleFor(x => x.NeedType).OneOf(() => codes.NeedTypes, CodeKind.NeedType);
        RuleFor(x => x.MinUsd).GreaterThanOrEqualTo(0);
        RuleFor(x => x.MaxUsd).GreaterThanOrEqualTo(0)
            .GreaterThanOrEqualTo(x => x.MinUsd).When(x => x.MinUsd is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => Messages.Get("Money.MaxBelowMin"));
        RuleFor(x => x.Q).MaximumLength(SearchText.MaxQueryLength).LineText();
        RuleFor(x => x.Status).Must(s => s is null || NeedStatus.All.Contains(s))
            .WithMessage(_ => Messages.Get("Value.OneOf", "status", "open, expired, closed"));
    }
}

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect, TimeProvider clock, Vetting vetting) : Endpoint<Request, Page<NeedResponse>>
{
    private static readonly string Sql = "SELECT /**top**/ " + NeedStore.SelectColumns + NeedStore.From + $"""
        WHERE {NewestFirst.After("n")}
          AND {VettingSql.Listed("s")}
          AND n.status = @StoredStatus
          AND (@StoredStatus = 'closed' OR (@Expired = 0 AND {NeedStatus.OpenAtNow}) OR (@Expired = 1 AND NOT {NeedStatus.OpenAtNow}))
          AND (@Region IS NULL OR s.region_code = @Region)
          AND (@MinUsd IS NULL OR n.amount_usd >= @MinUsd)
          AND (@MaxUsd IS NULL OR n.amount_usd <= @MaxUsd)
          AND (@Pattern IS NULL OR n.search_text LIKE @Pattern ESCAPE '\' OR s.search_names LIKE @Pattern ESCAPE '\')
          AND (@NeedType IS NULL OR EXISTS (SELECT 1 FROM need_need_types t WHERE t.need_id = n.id AND t.need_type_code = @NeedType))
          AND (@Division IS NULL OR EXISTS (SELECT 1 FROM need_effective_sectors es WHERE es.need_id = n.id AND es.sector_code = @Division))
          AND (@SectionPrefix IS NULL OR EXISTS (SELECT 1 FROM need_effective_sectors es WHERE es.need_id = n.id AND es.sector_code LIKE @SectionPrefix))
        {NewestFirst.Order("n")}
        /**limit**/
        """;

    public override void Configure()
    {
        Get("/needs");
        Description(b => b.WithName("searchNeeds").WithMetadata(new QueryExample("q", "машзавод")));
        Roles(AppRoles.Partner, AppRoles.Agency, AppRoles.Admin);
        Summary(s =>
        {
            s.Summary = "Search investment needs, newest first";
            s.Description = "The search Shandong firms use. Filters: `sector` (division like C28 or section letter; a need without own sectors matches on its SME's), `region` (the SME's KG code), `needType`, `minUsd`/`maxUsd` (amount in USD), `q` (part of the title, the description or the SME's name or Latin name, in any script; letter case and ё/е do not count), `status` (`open` unless asked otherwise; `expired` lists open needs whose `expiresAt` has passed)." + " " + NewestFirst.Description + " Only the needs of verified SMEs are listed to partners, and a partner whose own profile an agency has not verified gets 403 (`Profiles:RequireVerification`); agency and admin see every need.";
            s.Responses[403] = "The caller's role may not search here, or its own profile is not verified yet.";
            s.ResponseExamples[200] = NeedExamples.Page;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (!vetting.MayBrowse(User))
        {
            await Send.ResultAsync(VerificationPending.Problem());
            return;
        }

        var sector = SectorFilter.From(req.Sector);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenReadOnlyAsync(ct);
        var rows = (await connection.QueryAsync<NeedRow>(new CommandDefinition(dialect.Render(Sql), new
        {
            req.AfterCreatedAt, req.AfterId,
            StoredStatus = req.Status == NeedStatus.Closed ? NeedStatus.Closed : NeedStatus.Open,
            Expired = req.Status == NeedStatus.Expired,
            Now = now,
            req.Region,
            req.MinUsd,
            req.MaxUsd,
            Pattern = SearchText.Pattern(req.Q),
            req.NeedType,
            sector.Division,
            sector.SectionPrefix,
            ListedOnly = vetting.ListedOnlyFor(User),
            Take = req.Take + 1,
        }, cancellationToken: ct))).ToList();
        var page = rows.Take(req.Take).ToList();
        var lists = await NeedStore.ListsAsync(connection, page, ct);
        await Send.OkAsync(Paging.Build(rows, req.Take, r => NewestFirst.Cursor(r.CreatedAt, r.Id), r => NeedResponse.From(r, lists, now)), ct);
    }
}
