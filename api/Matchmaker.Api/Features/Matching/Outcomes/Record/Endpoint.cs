using Matchmaker.Api.Features.Audit;
using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Reference.FxRates;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Matching.Outcomes.Record;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Notifications.Notifier notifier, Vetting vetting) : Endpoint<Request, OutcomeResponse>
{
    public override void Configure()
    {
        Post("/matches/{id:guid}/outcomes");
        Roles(AppRoles.All);
        Description(b => b.WithName("recordMatchOutcome").ClearDefaultProduces(200).Produces<OutcomeResponse>(201, "application/json").ProducesProblems(404, 409));
        Summary(s =>
        {
            s.Summary = "Record what a deal produced";
            s.Description = "Either party, agency or admin, once the match reached `agreement` (or `closed`); anyone who may not read the match gets 404. `investment` is Money (USD, CNY or KGS; converted to `investmentUsd` at the rate effective on the recording date), `jobsCreated` ≥ 0, `youthJobs` (jobs held by people under 30) between 0 and `jobsCreated`, `productionStartedOn` an optional date, `exportMarkets` ISO 3166-1 alpha-2 codes (default none), `note` ≤ 2000 characters. Every record is kept; a later one is a follow-up, and per need the latest record across its matches is what the reports count. Written in one transaction with its `outcome.recorded` audit entry.";
            s.Responses[201] = "Recorded; Location points at the outcome.";
            s.Responses[409] = "The match has not reached agreement, or already holds the most outcome records one match may (100).";
            s.ExampleRequest = OutcomeExamples.Request;
            s.ResponseExamples[201] = OutcomeExamples.Recorded;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var match = await MatchStore.FindAsync(connection, Route<Guid>("id"), ct);
        if (match is null || !MatchAccess.MayRead(User, match, vetting))
        {
            await Send.ResultAsync(Problems.NotFound("Match"));
            return;
        }

        if (match.Status is not (MatchStatus.Agreement or MatchStatus.Closed))
        {
            await Send.ResultAsync(Problems.Conflict(Messages.Get("Outcome.TooEarly", match.Status)));
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var actor = AuditActor.Of(User);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await OutcomeStore.CountAsync(connection, tx, match.Id, ct) >= OutcomeStore.MaxPerMatch)
        {
            await Send.ResultAsync(Problems.Conflict(Messages.Get("Outcome.TooMany", OutcomeStore.MaxPerMatch)));
            return;
        }

        var rates = await UsdRates.AsOfAsync(connection, tx, now, ct);
        var outcome = new NewOutcome(Guid.NewGuid(), match.Id, match.NeedId, req.Investment!.Amount!.Value, req.Investment.Currency!,
            rates.Convert(req.Investment.Amount.Value, req.Investment.Currency!), req.JobsCreated!.Value, req.YouthJobs!.Value,
            req.ProductionStartedOn, req.ExportMarkets ?? [], string.IsNullOrWhiteSpace(req.Note) ? null : req.Note.Trim(),
            actor.Id!.Value, actor.Role, now);
        await OutcomeStore.RecordAsync(connection, tx, outcome, ct);
        await AuditLog.AppendAsync(connection, tx, new AuditEntry(actor, AuditAction.OutcomeRecorded, AuditTarget.Match, match.PublicId.ToString(),
            new { outcomeId = outcome.PublicId, outcome.InvestmentUsd, outcome.JobsCreated, outcome.YouthJobs }), now, ct);
        await notifier.PublishAsync(connection, tx, [Webhooks.EventsOf.OutcomeRecorded(match, outcome.PublicId, outcome.InvestmentUsd, outcome.JobsCreated, outcome.YouthJobs, now)], now, ct);
        await tx.CommitAsync(ct);

        var recorded = (await OutcomeStore.FindAsync(connection, match.Id, outcome.PublicId, ct))!;
        // An outcome is never changed (a correction is a later record), so it stays at its first version.
        ETags.Set(HttpContext.Response, 1);
        await Send.CreatedAtAsync(Outcomes.Get.Endpoint.Name, new { id = match.PublicId, outcomeId = outcome.PublicId }, OutcomeResponse.From(recorded), cancellation: ct);
    }
}
