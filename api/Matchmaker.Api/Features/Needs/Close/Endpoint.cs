using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Needs.Close;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Rescorer rescorer, Vetting vetting) : Endpoint<CloseRequest, NeedResponse>
{
    public override void Configure()
    {
        Post("/needs/{id:guid}/close");
        Description(b => b.WithName("closeNeed").ProducesProblems(403, 409));
        Summary(s =>
        {
            s.Summary = "Close an investment need";
            s.Description = "Owner or admin. A closed need is read-only and no longer matched; closing it again answers 409. The body `{reason}` is optional.";
            s.Responses[409] = "The need is already closed.";
            s.ExampleRequest = NeedExamples.Close;
            s.ResponseExamples[200] = NeedExamples.Closed;
        });
    }

    public override async Task HandleAsync(CloseRequest req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var need = await NeedStore.FindAsync(connection, Route<Guid>("id"), ct);
        if (!NeedAccess.MayChange(User, need, vetting, "close", out var refusal))
        {
            await Send.ResultAsync(refusal);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await rescorer.BeginAsync(connection, ct))
        {
            if (!await NeedStore.CloseAsync(connection, tx, need.Id, req.Reason?.Trim(), now, ct))
            {
                await Send.ResultAsync(Problems.Conflict(Messages.Get("Need.AlreadyClosed")));
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
