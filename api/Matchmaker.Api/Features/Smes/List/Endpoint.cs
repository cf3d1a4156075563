using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Smes.List;

public sealed class Request : PagedQuery
{
    public string? Region { get; set; }
    public string? Sector { get; set; }
    public string? Q { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        var codes = Resolve<ReferenceCodes>();
        Include(new PagedQueryRules());
        RuleFor(x => x.Region).OneOf(() => codes.Regions, CodeKind.Region);
        RuleFor(x => x.Sector).SectorCode(codes);
        RuleFor(x => x.Q).MaximumLength(SearchText.MaxQueryLength).LineText();
    }
}

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect, Vetting vetting) : Endpoint<Request, Page<SmeResponse>>
{
    private static readonly string Sql = "SELECT /**top**/ " + SmeStore.SelectColumns + $"""
         FROM smes s JOIN users u ON u.id = s.owner_user_id
        WHERE {NewestFirst.After("s")}
          AND {VettingSql.Listed("s")}
          AND (@Region IS NULL OR s.region_code = @Region)
          AND (@Pattern IS NULL OR s.search_text LIKE @Pattern ESCAPE '\')
          AND (@Division IS NULL OR EXISTS (SELECT 1 FROM sme_sectors ss WHERE ss.sme_id = s.id AND ss.sector_code = @Division))
          AND (@SectionPrefix IS NULL OR EXISTS (SELECT 1 FROM sme_sectors ss WHERE ss.sme_id = s.id AND ss.sector_code LIKE @SectionPrefix))
        {NewestFirst.Order("s")}
        /**limit**/
        """;

    public override void Configure()
    {
        Get("/smes");
        Description(b => b.WithName("listSmes").WithMetadata(new QueryExample("q", "ала-тоо")));
        Roles(AppRoles.Partner, AppRoles.Agency, AppRoles.Admin);
        Summary(s =>
        {
            s.Summary = "Search SME profiles (public view), newest first";
            s.Description = "Filters: `region` (KG code), `sector` (division like C28 or section letter like C), `q` (part of the name, the Latin name or the description, in any script; letter case and ё/е do not count). Keyset-paged: pass `nextCursor` back as `cursor`." + " " + NewestFirst.Description + " Only verified SMEs are listed to partners, and a partner whose own profile an agency has not verified gets 403 (`Profiles:RequireVerification`); agency and admin see every profile with its `verification`.";
            s.Responses[403] = "The caller's role may not search here, or its own profile is not verified yet.";
            s.ResponseExamples[200] = SmeExamples.Page;
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
        var rows = (await connection.QueryAsync<SmeRow>(new CommandDefinition(dialect.Render(Sql), new
        {
            req.AfterCreatedAt, req.AfterId,
            req.Region,
            Pattern = SearchText.Pattern(req.Q),
            sector.Division,
            sector.SectionPrefix,
            ListedOnly = vetting.ListedOnlyFor(User),
            Take = req.Take + 1,
        }, cancellationToken: ct))).ToList();
        var sectors = await SmeStore.SectorsAsync(connection, rows.Select(r => r.Id).ToList(), ct);
        await Send.OkAsync(Paging.Build(rows, req.Take, r => NewestFirst.Cursor(r.CreatedAt, r.Id), r => SmeResponse.From(r, sectors[r.Id].ToList(), withContact: false)), ct);
    }
}
