using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Needs.Renew;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, NeedOptions options, Rescorer rescorer, Vetting vetting) : EndpointWithoutRequest<NeedResponse>
{
    public override void Configure()
    {
        Post("/needs/{id:guid}/renew");
        Description(b => b.WithName("renewNeed").ProducesProblems(403, 409));
        Summary(s =>
        {
            s.Summary = "Renew an investment need";
            s.Description = "Owner or admin, no body. An open or expired need is open again until `expiresAt` = now + `Needs:Validity` (default 180 days) and is matched again at once, with current scores; renewing an open need extends it. A closed need answers 409.";
            s.Responses[409] = "The need is closed.";
            s.ResponseExamples[200] = NeedExamples.Renewed;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var need = await NeedStore.FindAsync(connection, Route<Guid>("id"), ct);
        if (!NeedAccess.MayChange(User, need, vetting, "renew", out var refusal))
        {
            await Send.ResultAsync(refusal);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await rescorer.BeginAsync(connection, ct))
        {
            if (!await NeedStore.RenewAsync(connection, tx, need.Id, now + options.Validity, now, ct))
            {
                await Send.ResultAsync(Problems.Conflict(Messages.Get("Need.ClosedNoRenew")));
                return;
            }

            await rescorer.RescoreNeedsAsync(connection, tx, [need.Id], now, ct);
            await tx.CommitAsync(ct);
        }

        var renewed = (await NeedStore.FindAsync(connection, need.PublicId, ct))!;
        ETags.Set(HttpContext.Response, renewed.Version);
        await Send.OkAsync(await NeedResponse.OfAsync(connection, renewed, now, ct), ct);
    }
}
