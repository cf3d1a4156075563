using Matchmaker.Api.Features.Audit;

namespace Matchmaker.Api.Features.Webhooks.Delete;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Delete("/webhooks/{id:guid}");
        Roles(AppRoles.All);
        Description(b => b.WithName("deleteWebhook").ClearDefaultProduces(200).Produces(204).ProducesProblems(404));
        Summary(s =>
        {
            s.Summary = "Delete one of your webhook subscriptions";
            s.Description = "Owner only (others get 404). Nothing is delivered to it afterwards.";
            s.Responses[204] = "Deleted.";
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
            await Deliveries.WebhookDeliveries.DeleteOfWebhookAsync(connection, tx, webhook.Id, ct);
            await WebhookStore.DeleteAsync(connection, tx, webhook.Id, ct);
            await AuditLog.AppendAsync(connection, tx, new AuditEntry(AuditActor.Of(User), AuditAction.WebhookDeleted, AuditTarget.Webhook,
                webhook.PublicId.ToString(), new { webhook.Url }), now, ct);
            await tx.CommitAsync(ct);
        }

        await Send.NoContentAsync(ct);
    }
}
