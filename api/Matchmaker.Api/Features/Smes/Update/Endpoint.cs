using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Notifications;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Smes.Update;

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect, TimeProvider clock, Rescorer rescorer, AccountRevocation revocation, Vetting vetting, Notifier notifier) : Endpoint<SmeRequest, SmeResponse>
{
    public override void Configure()
    {
        Put("/smes/{id:guid}");
        Description(b => b.WithName("updateSme").ProducesProblems(403, 409, 412, 428));
        Summary(s =>
        {
            s.Summary = "Replace an SME profile";
            s.Description = "Owner or admin. Send the whole profile as for POST with `If-Match` set to the ETag of your last read: 428 without it, 412 when the profile changed since.";
            s.Responses[409] = "Another SME holds this INN.";
            s.Responses[412] = "The profile changed since you read it.";
            s.Responses[428] = "If-Match is missing.";
            s.ExampleRequest = SmeExamples.Request;
            s.ResponseExamples[200] = SmeExamples.Full;
        });
    }

    public override async Task HandleAsync(SmeRequest req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var sme = await SmeStore.FindAsync(connection, Route<Guid>("id"), ct);
        if (!SmeAccess.MayChange(User, sme, vetting, out var refusal))
        {
            await Send.ResultAsync(refusal);
            return;
        }

        if (ETags.Precondition(HttpContext.Request, sme.Version) is { } precondition)
        {
            await Send.ResultAsync(precondition);
            return;
        }

        if (await SmeStore.InnTakenAsync(connection, req.Inn!, sme.Id, ct))
        {
            await Send.ResultAsync(Problems.Conflict(Messages.Get("Sme.InnTaken")));
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await rescorer.BeginAsync(connection, ct))
        {
            var fields = SmeFields.From(req);
            var verification = sme.VerificationState.AfterEdit(fields.ChangesIdentityOf(sme), sme.OwnerId == User.PublicId(), now);
            bool changed;
            try
            {
                changed = await SmeStore.UpdateAsync(connection, tx, sme.Id, sme.Version, fields, verification, now, ct);
            }
            catch (Exception e) when (dialect.IsUniqueViolation(e))
            {
                await Send.ResultAsync(Problems.Conflict(Messages.Get("Sme.InnTaken")));
                return;
            }

            if (!changed)
            {
                await Send.ResultAsync(Problems.PreconditionFailed());
                return;
            }

            if (verification.JoinsQueueFrom(sme.VerificationState))
                await ProfileNotices.AnnouncePendingAsync(notifier, connection, tx, ProfileKind.Sme, sme.PublicId, now, ct);
            await rescorer.RescoreSmeAsync(connection, tx, sme.Id, now, ct);
            await tx.CommitAsync(ct);
        }

        revocation.Forget(sme.OwnerId);

        var updated = (await SmeStore.FindAsync(connection, sme.PublicId, ct))!;
        ETags.Set(HttpContext.Response, updated.Version);
        await Send.OkAsync(SmeResponse.From(updated, req.Sectors!, withContact: true), ct);
    }
}
