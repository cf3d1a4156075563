using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Partners;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Matching.PartnerMatches;

public sealed class Request : MatchListQuery
{
    public string? Sector { get; set; }
    public string? Region { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        var codes = Resolve<ReferenceCodes>();
        Include(new MatchListQueryRules());
        RuleFor(x => x.Sector).SectorCode(codes);
        RuleFor(x => x.Region).OneOf(() => codes.Regions, CodeKind.Region);
    }
}

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect, TimeProvider clock, MatchExplainer explainer, Vetting vetting) : Endpoint<Request, Page<MatchResponse>>
{
    private static readonly string Sql = MatchStore.PageSelect + " FROM matches m\n" + MatchStore.ActiveScore + """
        JOIN needs n ON n.id = m.need_id
        JOIN smes s ON s.id = n.sme_id
        WHERE
        """ + MatchStore.AfterCondition + """

          AND m.partner_id = @PartnerId
          AND
        """ + VettingSql.Listed("s") + """

          AND (m.status <> 'suggested' OR
        """ + NeedStatus.OpenAtNow + """
          )
          AND (@MinScore IS NULL OR ms.score >= @MinScore)
          AND (@Region IS NULL OR s.region_code = @Region)
          AND (@Division IS NULL OR EXISTS (SELECT 1 FROM need_effective_sectors es WHERE es.need_id = n.id AND es.sector_code = @Division))
          AND (@SectionPrefix IS NULL OR EXISTS (SELECT 1 FROM need_effective_sectors es WHERE es.need_id = n.id AND es.sector_code LIKE @SectionPrefix))
        """ + MatchStore.StatusCondition + MatchStore.Order + MatchStore.PageDetails + MatchStore.Order;

    public override void Configure()
    {
        Get("/partners/{id:guid}/matches");
        Description(b => b.WithName("listPartnerMatches").ProducesProblems(403).WithMetadata(MatchListQuery.OpenApiShapes));
        Summary(s =>
        {
            s.Summary = "List a partner's matching needs, best first";
            s.Description = "The partner that owns the profile, agency and admin (SMEs get 403, other partners 404). " + MatchStore.OrderDescription + "; scores are those of the active criteria version. Filters: `minScore` (0–100), `sector` (division like C28 or section letter, on the need's effective sectors), `region` (the SME's KG code), `status` (the listed statuses), `awaitingMe` (`true`: the matches the SME said yes to and the partner has not, `sme_interested`; `false`: all others; for agency and admin nothing awaits them, so `true` gives an empty list). The filters combine; a `cursor` only continues the list with the filters it came with. Untouched suggestions for closed and expired needs are left out (from the instant a need expires); deals in progress stay. Each side's `contact` appears on matches that have been mutual." + " While the partner's profile is not verified its owner gets 403 (verification pending), and matches on the needs of an SME that is not verified are left out (`Profiles:RequireVerification`).";
            s.Responses[403] = "The caller may see the partner profile but not its matches.";
            s.ResponseExamples[200] = MatchExamples.Page;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var partner = await PartnerStore.FindAsync(connection, Route<Guid>("id"), ct);
        if (partner is null || PartnerAccess.ViewOf(User, partner, vetting) == ProfileView.Hidden)
        {
            await Send.ResultAsync(Problems.NotFound("PartnerProfile"));
            return;
        }

        if (!PartnerAccess.MayListMatches(User, partner, vetting, out var refusal))
        {
            await Send.ResultAsync(refusal);
            return;
        }

        var statuses = req.Statuses(User.IsOversight() ? null : MatchSide.Partner);
        if (statuses.Count == 0)
        {
            await Send.OkAsync(MatchPaging.Empty, ct);
            return;
        }

        var sector = SectorFilter.From(req.Sector);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = (await connection.QueryAsync<MatchRow>(new CommandDefinition(dialect.Render(Sql), new
        {
            Now = now,
            PartnerId = partner.Id,
            req.MinScore,
            Statuses = statuses,
            req.Region,
            sector.Division,
            sector.SectionPrefix,
            req.AfterScore,
            req.AfterCreatedAt,
            req.AfterId,
            ListedOnly = vetting.ListedOnlyFor(User),
            Take = req.Take + 1,
        }, cancellationToken: ct))).ToList();
        var breakdown = await explainer.ForAsync(connection, rows, User, ct);
        await Send.OkAsync(MatchPaging.Build(rows, req.Take, r => MatchResponse.From(r, MatchAccess.SeesContacts(User, r, vetting), breakdown(r), now)), ct);
    }
}
