using Matchmaker.Api.Features.Smes;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Needs.ListForSme;

public sealed class Request : PagedQuery;

internal sealed class Validator : Validator<Request>
{
    public Validator() => Include(new PagedQueryRules());
}

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect, TimeProvider clock, Vetting vetting) : Endpoint<Request, Page<NeedResponse>>
{
    private static readonly string Sql = "SELECT /**top**/ " + NeedStore.SelectColumns + NeedStore.From + $"""
        WHERE n.sme_id = @SmeId AND {NewestFirst.After("n")}
        {NewestFirst.Order("n")}
        /**limit**/
        """;

    public override void Configure()
    {
        Get("/smes/{smeId:guid}/needs");
        Description(b => b.WithName("listSmeNeeds"));
        Summary(s =>
        {
            s.Summary = "List one SME's needs, open, expired and closed, newest first";
            s.Description = "Whoever may read the SME profile: its owner, partners, agency and admin." + " " + NewestFirst.Description;
            s.ResponseExamples[200] = NeedExamples.Page;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var sme = await SmeStore.FindAsync(connection, Route<Guid>("smeId"), ct);
        if (sme is null || SmeAccess.ViewOf(User, sme, vetting) == ProfileView.Hidden)
        {
            await Send.ResultAsync(Problems.NotFound("SmeProfile"));
            return;
        }

        var rows = (await connection.QueryAsync<NeedRow>(new CommandDefinition(dialect.Render(Sql),
            new { SmeId = sme.Id, req.AfterCreatedAt, req.AfterId, Take = req.Take + 1 }, cancellationToken: ct))).ToList();
        var lists = await NeedStore.ListsAsync(connection, rows.Take(req.Take).ToList(), ct);
        await Send.OkAsync(Paging.Build(rows, req.Take, r => NewestFirst.Cursor(r.CreatedAt, r.Id), r => NeedResponse.From(r, lists, clock.GetUtcNow().UtcDateTime)), ct);
    }
}
