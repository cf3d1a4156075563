using Matchmaker.Api.Features.Audit;

namespace Matchmaker.Api.Features.Webhooks.Update;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, WebhookUrlGuard guard) : Endpoint<WebhookRequest, WebhookResponse>
{
    public override void Configure()
    {
        Put("/webhooks/{id:guid}");
        Roles(AppRoles.All);
        Description(b => b.WithName("updateWebhook").ProducesProblems(404, 412, 428));
        Summary(s =>
        {
            s.Summary = "Replace one of your webhook subscriptions";
            s.Description = "Owner only (others get 404). Replaces `url`, `events` and `description`; the secret stays. " + WebhookDocs.Rules
                + " Send `If-Match` with the ETag of your last read: 428 without it, 412 when the subscription changed since.";
            s.Responses[412] = "The subscription changed since you read it.";
            s.Responses[428] = "If-Match is missing.";
            s.ExampleRequest = WebhookExamples.Request;
            s.ResponseExamples[200] = WebhookExamples.Read;
        });
    }

    public override async Task HandleAsync(WebhookRequest req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var webhook = await WebhookStore.FindOwnedAsync(connection, Route<Guid>("id"), User.PublicId()!.Value, ct);
        if (webhook is null)
        {
            await Send.ResultAsync(Problems.NotFound("Webhook"));
            return;
        }

        if (ETags.Precondition(HttpContext.Request, webhook.Version) is { } precondition)
        {
            await Send.ResultAsync(precondition);
            return;
        }

        if (await WebhookChecks.RefusalAsync(req, User, guard, ct) is { } refusal)
        {
            AddError(new FluentValidation.Results.ValidationFailure(refusal.Field, refusal.Message));
            await Send.ErrorsAsync(cancellation: ct);
            return;
        }

        var fields = WebhookFields.From(req);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            if (!await WebhookStore.UpdateAsync(connection, tx, webhook.Id, webhook.Version, fields, now, ct))
            {
                await Send.ResultAsync(Problems.PreconditionFailed());
                return;
            }

            await AuditLog.AppendAsync(connection, tx, new AuditEntry(AuditActor.Of(User), AuditAction.WebhookUpdated, AuditTarget.Webhook,
                webhook.PublicId.ToString(), new { fields.Url, fields.Events, Version = webhook.Version + 1 }), now, ct);
            await tx.CommitAsync(ct);
        }

        var updated = (await WebhookStore.FindOwnedAsync(connection, webhook.PublicId, User.PublicId()!.Value, ct))!;
        ETags.Set(HttpContext.Response, updated.Version);
        await Send.OkAsync(WebhookResponse.From(updated), ct);
    }
}
