using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Matching.NeedMatches;

public sealed class Request : MatchListQuery;

internal sealed class Validator : Validator<Request>
{
    public Validator() => Include(new MatchListQueryRules());
}

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect, TimeProvider clock, MatchExplainer explainer, Vetting vetting) : Endpoint<Request, Page<MatchResponse>>
{
    private static readonly string Sql = MatchStore.PageSelect + " FROM matches m\n" + MatchStore.ActiveScore + "WHERE " + MatchStore.AfterCondition + """

          AND m.need_id = @NeedId
          AND
        """ + VettingSql.ListedPartnerOf("m") + """

          AND (m.status <> 'suggested' OR @NeedOpen = 1)
          AND (@MinScore IS NULL OR ms.score >= @MinScore)
        """ + MatchStore.StatusCondition + MatchStore.Order + MatchStore.PageDetails + MatchStore.Order;

    public override void Configure()
    {
        Get("/needs/{id:guid}/matches");
        Description(b => b.WithName("listNeedMatches").ProducesProblems(403).WithMetadata(MatchListQuery.OpenApiShapes));
        Summary(s =>
        {
            s.Summary = "List a need's matching partners, best first";
            s.Description = "The SME that posted the need, agency and admin (partners get 403, other SMEs 404). " + MatchStore.OrderDescription + "; scores are those of the active criteria version. `minScore` (0–100) leaves out weaker matches; `status` keeps the listed statuses; `awaitingMe=true` keeps the matches the partner said yes to and the SME has not (`partner_interested`), `false` all others (for agency and admin nothing awaits them: `true` gives an empty list). The filters combine; a `cursor` only continues the list with the filters it came with. Once the need is closed or expired only its deals in progress are listed. Each side's `contact` appears on matches that have been mutual." + " While the SME's profile is not verified its owner gets 403 (verification pending), and matches with a partner that is not verified are left out (`Profiles:RequireVerification`).";
            s.Responses[403] = "The caller may see the need but not its matches.";
            s.ResponseExamples[200] = MatchExamples.Page;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var need = await NeedStore.FindAsync(connection, Route<Guid>("id"), ct);
        if (!NeedAccess.MayListMatches(User, need, vetting, "Match.ListNeedForbidden", out var refusal))
        {
            await Send.ResultAsync(refusal);
            return;
        }

        var statuses = req.Statuses(User.IsOversight() ? null : MatchSide.Sme);
        if (statuses.Count == 0)
        {
            await Send.OkAsync(MatchPaging.Empty, ct);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = (await connection.QueryAsync<MatchRow>(new CommandDefinition(dialect.Render(Sql), new
        {
            NeedId = need.Id,
            NeedOpen = need.StatusAt(now) == NeedStatus.Open,
            req.MinScore,
            Statuses = statuses,
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
