using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Partners.Search;

public sealed class Request : PagedQuery
{
    public string? City { get; set; }
    public string? Sector { get; set; }
    public string? Kind { get; set; }
    public string? Q { get; set; }
    public string? Offering { get; set; }
    public decimal? TicketUsd { get; set; }
    public string? TargetRegion { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        var codes = Resolve<ReferenceCodes>();
        Include(new PagedQueryRules());
        RuleFor(x => x.City).OneOf(() => codes.Cities, CodeKind.ShandongCity);
        RuleFor(x => x.Sector).SectorCode(codes);
        RuleFor(x => x.Kind).Must(k => k is null || PartnerKinds.All.Contains(k))
            .WithMessage(_ => Messages.Get("Partner.Kind"));
        RuleFor(x => x.Q).MaximumLength(SearchText.MaxQueryLength).LineText();
        RuleFor(x => x.Offering).OneOf(() => codes.NeedTypes, CodeKind.NeedType);
        RuleFor(x => x.TicketUsd).GreaterThan(0).LessThanOrEqualTo(MoneyRules.MaxAmount);
        RuleFor(x => x.TargetRegion).OneOf(() => codes.Regions, CodeKind.Region);
    }
}

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect, Vetting vetting) : Endpoint<Request, Page<PartnerResponse>>
{
    private static readonly string Sql = "SELECT /**top**/ " + PartnerStore.SelectColumns + PartnerStore.From + $"""
        WHERE {NewestFirst.After("p")}
          AND {VettingSql.Listed("p")}
          AND (@City IS NULL OR p.city_code = @City)
          AND (@Kind IS NULL OR p.kind = @Kind)
          AND (@Pattern IS NULL OR p.search_text LIKE @Pattern ESCAPE '\')
          AND (@TicketUsd IS NULL OR (p.ticket_min_usd <= @TicketUsd AND p.ticket_max_usd >= @TicketUsd))
          AND (@Offering IS NULL OR EXISTS (SELECT 1 FROM partner_offerings po WHERE po.partner_id = p.id AND po.need_type_code = @Offering))
          AND (@TargetRegion IS NULL
               OR EXISTS (SELECT 1 FROM partner_target_regions tr WHERE tr.partner_id = p.id AND tr.region_code = @TargetRegion)
               OR NOT EXISTS (SELECT 1 FROM partner_target_regions ar WHERE ar.partner_id = p.id))
          AND (@Division IS NULL OR EXISTS (SELECT 1 FROM partner_sectors ps WHERE ps.partner_id = p.id AND ps.sector_code = @Division))
          AND (@SectionPrefix IS NULL OR EXISTS (SELECT 1 FROM partner_sectors ps WHERE ps.partner_id = p.id AND ps.sector_code LIKE @SectionPrefix))
        {NewestFirst.Order("p")}
        /**limit**/
        """;

    public override void Configure()
    {
        Get("/partners");
        Description(b => b.WithName("searchPartners").WithMetadata(
            new QueryExample("q", "машинери"), new QueryExample("offering", "equipment_supply"),
            new QueryExample("ticketUsd", 500_000), new QueryExample("targetRegion", "KG-C")));
        Roles(AppRoles.Sme, AppRoles.Agency, AppRoles.Admin);
        Summary(s =>
        {
            s.Summary = "Search partner profiles (public view), newest first";
            s.Description = "Filters: `city` (Shandong city code), `sector` (division like C28 or section letter like C), `kind` (manufacturer, investor, both), `q` (part of the name in English, Chinese or Russian, or of the description; letter case and ё/е do not count), `offering` (a need type the partner offers), `ticketUsd` (an amount in USD within the partner's ticket range, bounds included), `targetRegion` (KG code: partners that target it, and those that target any region)." + " " + NewestFirst.Description + " Only verified partners are listed to SMEs, and an SME whose own profile an agency has not verified gets 403 (`Profiles:RequireVerification`); agency and admin see every profile with its `verification`.";
            s.Responses[403] = "The caller's role may not search here, or its own profile is not verified yet.";
            s.ResponseExamples[200] = PartnerExamples.Page;
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
        await using var connection = await db.OpenReadOnlyAsync(ct);
        var rows = (await connection.QueryAsync<PartnerRow>(new CommandDefinition(dialect.Render(Sql), new
        {
            req.AfterCreatedAt, req.AfterId,
            req.City,
            req.Kind,
            Pattern = SearchText.Pattern(req.Q),
            req.Offering,
            req.TicketUsd,
            req.TargetRegion,
            sector.Division,
            sector.SectionPrefix,
            ListedOnly = vetting.ListedOnlyFor(User),
            Take = req.Take + 1,
        }, cancellationToken: ct))).ToList();
        var lists = await PartnerStore.ListsAsync(connection, rows.Select(r => r.Id).ToList(), ct);
        await Send.OkAsync(Paging.Build(rows, req.Take, r => NewestFirst.Cursor(r.CreatedAt, r.Id), r => PartnerResponse.From(r, lists, withContact: false)), ct);
    }
}
