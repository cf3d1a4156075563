using Matchmaker.Api.Features.Smes;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Reference.FxRates;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Needs.Create;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, NeedOptions options, Rescorer rescorer, Vetting vetting) : Endpoint<NeedRequest, NeedResponse>
{
    public override void Configure()
    {
        Post("/smes/{smeId:guid}/needs");
        Description(b => b.WithName("createNeed").ClearDefaultProduces(200).Produces<NeedResponse>(201, "application/json").ProducesProblems(403));
        Summary(s =>
        {
            s.Summary = "Post an investment need";
            s.Description = "Only the SME that owns the profile. `amount` is `{amount, currency}` in USD, CNY or KGS; matching compares in USD at the latest FX rate. `sectors` is optional: absent means the SME's own sectors. The need is open until `expiresAt`, `Needs:Validity` (default 180 days) from now; `POST /needs/{id}/renew` extends it. Send an Idempotency-Key header to make retries safe.";
            s.Responses[201] = "Created; Location and ETag point at the new need.";
            s.ExampleRequest = NeedExamples.Request;
            s.ResponseExamples[201] = NeedExamples.Open;
        });
    }

    public override async Task HandleAsync(NeedRequest req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var sme = await SmeStore.FindAsync(connection, Route<Guid>("smeId"), ct);
        if (sme is null || SmeAccess.ViewOf(User, sme, vetting) == ProfileView.Hidden)
        {
            await Send.ResultAsync(Problems.NotFound("SmeProfile"));
            return;
        }

        if (!SmeAccess.MayPostNeeds(User, sme))
        {
            await Send.ResultAsync(Problems.Forbidden(Messages.Get("Need.OnlyOwnerPosts")));
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var publicId = Guid.NewGuid();
        await using (var tx = await rescorer.BeginAsync(connection, ct))
        {
            var rates = await UsdRates.AsOfAsync(connection, tx, now, ct);
            var ids = await NeedStore.InsertAsync(connection, tx, [new NewNeed(publicId, sme.Id, NeedFields.From(req), now, now + options.Validity)], rates, ct);
            await rescorer.RescoreNeedsAsync(connection, tx, [ids[publicId]], now, ct);
            await tx.CommitAsync(ct);
        }

        var need = (await NeedStore.FindAsync(connection, publicId, ct))!;
        ETags.Set(HttpContext.Response, need.Version);
        await Send.CreatedAtAsync(Needs.Get.Endpoint.Name, new { id = publicId }, await NeedResponse.OfAsync(connection, need, clock.GetUtcNow().UtcDateTime, ct), cancellation: ct);
    }
}
