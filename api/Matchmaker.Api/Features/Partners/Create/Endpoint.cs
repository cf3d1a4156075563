using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Notifications;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Partners.Create;

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect, TimeProvider clock, Rescorer rescorer, AccountRevocation revocation, Notifier notifier) : Endpoint<PartnerRequest, PartnerResponse>
{
    public override void Configure()
    {
        Post("/partners");
        Roles(AppRoles.Partner);
        Description(b => b.WithName("createPartner").ClearDefaultProduces(200).Produces<PartnerResponse>(201, "application/json").ProducesProblems(409));
        Summary(s =>
        {
            s.Summary = "Create your partner profile";
            s.Description = "One profile per partner account. `uscc` is the 18-character Unified Social Credit Code, checked for its check character and for a Shandong division (starting 37); it must be unique. `city` is a Shandong city code, `sectors` 1–10 ISIC divisions, `offerings` the need types the firm can satisfy, `ticket` its USD range. Send an Idempotency-Key header to make retries safe.";
            s.Responses[201] = "Created; Location and ETag point at the new profile.";
            s.Responses[409] = "You already have a profile, or another partner holds this USCC.";
            s.ExampleRequest = PartnerExamples.Request;
            s.ResponseExamples[201] = PartnerExamples.Full;
        });
    }

    public override async Task HandleAsync(PartnerRequest req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var owner = await PartnerStore.OfOwnerAsync(connection, User.PublicId()!.Value, ct);
        if (owner is null)
        {
            await Send.ResultAsync(Problems.NotFound("Account"));
            return;
        }

        if (owner.ProfileId is not null)
        {
            await Send.ResultAsync(Problems.Conflict(Messages.Get("Partner.AlreadyHas")));
            return;
        }

        if (await PartnerStore.UsccTakenAsync(connection, req.Uscc!, null, ct))
        {
            await Send.ResultAsync(Problems.Conflict(Messages.Get("Partner.UsccTaken")));
            return;
        }

        var publicId = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await rescorer.BeginAsync(connection, ct))
        {
            Dictionary<Guid, long> ids;
            try
            {
                ids = await PartnerStore.InsertAsync(connection, tx, [new NewPartner(publicId, owner.UserId, PartnerFields.From(req), now)], ct);
            }
            catch (Exception e) when (dialect.IsUniqueViolation(e))
            {
                await Send.ResultAsync(Problems.Conflict(Messages.Get("Partner.AlreadyHasOrUscc")));
                return;
            }

            await ProfileNotices.AnnouncePendingAsync(notifier, connection, tx, ProfileKind.Partner, publicId, now, ct);
            await rescorer.RescorePartnerAsync(connection, tx, ids[publicId], now, ct);
            await tx.CommitAsync(ct);
            revocation.Forget(User.PublicId()!.Value);
        }

        var created = (await PartnerStore.FindAsync(connection, publicId, ct))!;
        var lists = await PartnerStore.ListsAsync(connection, [created.Id], ct);
        ETags.Set(HttpContext.Response, created.Version);
        await Send.CreatedAtAsync(Partners.Get.Endpoint.Name, new { id = publicId }, PartnerResponse.From(created, lists, withContact: true), cancellation: ct);
    }
}
