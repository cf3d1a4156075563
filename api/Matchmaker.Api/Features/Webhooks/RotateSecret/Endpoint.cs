using Matchmaker.Api.Features.Audit;

namespace Matchmaker.Api.Features.Webhooks.RotateSecret;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock) : EndpointWithoutRequest<IssuedWebhookResponse>
{
    public override void Configure()
    {
        Post("/webhooks/{id:guid}/rotate-secret");
        Roles(AppRoles.All);
        Description(b => b.WithName("rotateWebhookSecret").ProducesProblems(404));
        Summary(s =>
        {
            s.Summary = "Replace the signing secret of one of your webhook subscriptions";
            s.Description = "Owner only (others get 404). Answers with the subscription and its new `secret`, shown only here; the old secret stops signing at once.";
            s.ResponseExamples[200] = WebhookExamples.Issued;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var webhook = await WebhookStore.FindOwnedAsync(connection, Route<Guid>("id"), User.PublicId()!.Value, ct);
        if (webhook is null)
        {
            await Send.ResultAsync(Problems.NotFound("Webhook"));
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await WebhookStore.RotateSecretAsync(connection, tx, webhook.Id, WebhookSecret.New(), now, ct);
            await AuditLog.AppendAsync(connection, tx, new AuditEntry(AuditActor.Of(User), AuditAction.WebhookSecretRotated, AuditTarget.Webhook,
                webhook.PublicId.ToString(), new { Version = webhook.Version + 1 }), now, ct);
            await tx.CommitAsync(ct);
        }

        var rotated = (await WebhookStore.FindOwnedAsync(connection, webhook.PublicId, User.PublicId()!.Value, ct))!;
        ETags.Set(HttpContext.Response, rotated.Version);
        await Send.OkAsync(IssuedWebhookResponse.From(rotated), ct);
    }
}
