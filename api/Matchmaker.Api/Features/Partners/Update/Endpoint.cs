using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Notifications;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Partners.Update;

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect, TimeProvider clock, Rescorer rescorer, AccountRevocation revocation, Vetting vetting, Notifier notifier) : Endpoint<PartnerRequest, PartnerResponse>
{
    public override void Configure()
    {
        Put("/partners/{id:guid}");
        Description(b => b.WithName("updatePartner").ProducesProblems(403, 409, 412, 428));
        Summary(s =>
        {
            s.Summary = "Replace a partner profile";
            s.Description = "Owner or admin. Send the whole profile as for POST with `If-Match` set to the ETag of your last read: 428 without it, 412 when the profile changed since.";
            s.Responses[409] = "Another partner holds this USCC.";
            s.Responses[412] = "The profile changed since you read it.";
            s.Responses[428] = "If-Match is missing.";
            s.ExampleRequest = PartnerExamples.Request;
            s.ResponseExamples[200] = PartnerExamples.Full;
        });
    }

    public override async Task HandleAsync(PartnerRequest req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var partner = await PartnerStore.FindAsync(connection, Route<Guid>("id"), ct);
        if (!PartnerAccess.MayChange(User, partner, vetting, out var refusal))
        {
            await Send.ResultAsync(refusal);
            return;
        }

        if (ETags.Precondition(HttpContext.Request, partner.Version) is { } precondition)
        {
            await Send.ResultAsync(precondition);
            return;
        }

        if (await PartnerStore.UsccTakenAsync(connection, req.Uscc!, partner.Id, ct))
        {
            await Send.ResultAsync(Problems.Conflict(Messages.Get("Partner.UsccTaken")));
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await rescorer.BeginAsync(connection, ct))
        {
            var fields = PartnerFields.From(req);
            var verification = partner.VerificationState.AfterEdit(fields.ChangesIdentityOf(partner), partner.OwnerId == User.PublicId(), now);
            bool changed;
            try
            {
                changed = await PartnerStore.UpdateAsync(connection, tx, partner.Id, partner.Version, fields, verification, now, ct);
            }
            catch (Exception e) when (dialect.IsUniqueViolation(e))
            {
                await Send.ResultAsync(Problems.Conflict(Messages.Get("Partner.UsccTaken")));
                return;
            }

            if (!changed)
            {
                await Send.ResultAsync(Problems.PreconditionFailed());
                return;
            }

            if (verification.JoinsQueueFrom(partner.VerificationState))
                await ProfileNotices.AnnouncePendingAsync(notifier, connection, tx, ProfileKind.Partner, partner.PublicId, now, ct);
            await rescorer.RescorePartnerAsync(connection, tx, partner.Id, now, ct);
            await tx.CommitAsync(ct);
        }

        revocation.Forget(partner.OwnerId);

        var updated = (await PartnerStore.FindAsync(connection, partner.PublicId, ct))!;
        var lists = await PartnerStore.ListsAsync(connection, [updated.Id], ct);
        ETags.Set(HttpContext.Response, updated.Version);
        await Send.OkAsync(PartnerResponse.From(updated, lists, withContact: true), ct);
    }
}
