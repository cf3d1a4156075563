using Matchmaker.Api.Features.Reference.FxRates;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Needs.Update;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Rescorer rescorer, Vetting vetting) : Endpoint<NeedRequest, NeedResponse>
{
    public override void Configure()
    {
        Put("/needs/{id:guid}");
        Description(b => b.WithName("updateNeed").ProducesProblems(403, 409, 412, 428));
        Summary(s =>
        {
            s.Summary = "Replace an investment need";
            s.Description = "Owner or admin, with `If-Match`. A closed need is read-only (409).";
            s.Responses[409] = "The need is closed.";
            s.Responses[412] = "The need changed since you read it.";
            s.Responses[428] = "If-Match is missing.";
            s.ExampleRequest = NeedExamples.Request;
            s.ResponseExamples[200] = NeedExamples.Open;
        });
    }

    public override async Task HandleAsync(NeedRequest req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var need = await NeedStore.FindAsync(connection, Route<Guid>("id"), ct);
        if (!NeedAccess.MayChange(User, need, vetting, "change", out var refusal))
        {
            await Send.ResultAsync(refusal);
            return;
        }

        if (ETags.Precondition(HttpContext.Request, need.Version) is { } precondition)
        {
            await Send.ResultAsync(precondition);
            return;
        }

        if (need.Status == NeedStatus.Closed)
        {
            await Send.ResultAsync(Problems.Conflict(Messages.Get("Need.ClosedNoChange")));
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await rescorer.BeginAsync(connection, ct))
        {
            var rates = await UsdRates.AsOfAsync(connection, tx, now, ct);
            if (!await NeedStore.UpdateAsync(connection, tx, need.Id, need.Version, NeedFields.From(req), rates, now, ct))
            {
                await Send.ResultAsync(Problems.PreconditionFailed());
                return;
            }

            await rescorer.RescoreNeedsAsync(connection, tx, [need.Id], now, ct);
            await tx.CommitAsync(ct);
        }

        var updated = (await NeedStore.FindAsync(connection, need.PublicId, ct))!;
        ETags.Set(HttpContext.Response, updated.Version);
        await Send.OkAsync(await NeedResponse.OfAsync(connection, updated, clock.GetUtcNow().UtcDateTime, ct), ct);
    }
}
