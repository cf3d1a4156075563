using Matchmaker.Api.Features.Notifications;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Smes.Create;

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect, TimeProvider clock, AccountRevocation revocation, Notifier notifier) : Endpoint<SmeRequest, SmeResponse>
{
    public override void Configure()
    {
        Post("/smes");
        Roles(AppRoles.Sme);
        Description(b => b.WithName("createSme").ClearDefaultProduces(200).Produces<SmeResponse>(201, "application/json").ProducesProblems(409));
        Summary(s =>
        {
            s.Summary = "Create your SME profile";
            s.Description = "One profile per SME account. `inn` is the 14-digit Kyrgyz taxpayer number and must be unique; `region` is an ISO 3166-2:KG code and `sectors` 1–5 ISIC Rev.4 divisions (see /api/v1/reference). Send an Idempotency-Key header to make retries safe.";
            s.Responses[201] = "Created; Location and ETag point at the new profile.";
            s.Responses[409] = "You already have a profile, or another SME holds this INN.";
            s.ExampleRequest = SmeExamples.Request;
            s.ResponseExamples[201] = SmeExamples.Full;
        });
    }

    public override async Task HandleAsync(SmeRequest req, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        var owner = await SmeStore.OfOwnerAsync(connection, User.PublicId()!.Value, ct);
        if (owner is null)
        {
            await Send.ResultAsync(Problems.NotFound("Account"));
            return;
        }

        if (owner.ProfileId is not null)
        {
            await Send.ResultAsync(Problems.Conflict(Messages.Get("Sme.AlreadyHas")));
            return;
        }

        if (await SmeStore.InnTakenAsync(connection, req.Inn!, null, ct))
        {
            await Send.ResultAsync(Problems.Conflict(Messages.Get("Sme.InnTaken")));
            return;
        }

        var publicId = Guid.NewGuid();
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            try
            {
                await SmeStore.InsertAsync(connection, tx, [new NewSme(publicId, owner.UserId, SmeFields.From(req), now)], ct);
            }
            catch (Exception e) when (dialect.IsUniqueViolation(e))
            {
                await Send.ResultAsync(Problems.Conflict(Messages.Get("Sme.AlreadyHasOrInn")));
                return;
            }

            await ProfileNotices.AnnouncePendingAsync(notifier, connection, tx, ProfileKind.Sme, publicId, now, ct);
            await tx.CommitAsync(ct);
            revocation.Forget(User.PublicId()!.Value);
        }

        var created = (await SmeStore.FindAsync(connection, publicId, ct))!;
        ETags.Set(HttpContext.Response, created.Version);
        await Send.CreatedAtAsync(Smes.Get.Endpoint.Name, new { id = publicId }, SmeResponse.From(created, req.Sectors!, withContact: true), cancellation: ct);
    }
}
