namespace Matchmaker.Api.Features.Webhooks.Deliveries.Retry;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, WebhookDispatcher dispatcher) : EndpointWithoutRequest<DeliveryResponse>
{
    public override void Configure()
    {
        Post("/webhooks/{id:guid}/deliveries/{deliveryId:guid}/retry");
        Roles(AppRoles.All);
        Description(b => b.WithName("retryWebhookDelivery").ClearDefaultProduces(200).Produces<DeliveryResponse>(202, "application/json").ProducesProblems(404));
        Summary(s =>
        {
            s.Summary = "Send a delivery again now";
            s.Description = "Owner only (others get 404). Queues the delivery, whatever its status, to be sent at once with the same `webhook-id` and body, "
                + "signed with the current secret; if that attempt is not answered 2xx it is retried for another 24 h. Answers 202 with the delivery, "
                + "`pending`; read it again (or the list) to see the attempt.";
            s.Responses[202] = "The delivery is queued.";
            s.ResponseExamples[202] = DeliveryExamples.Queued;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var webhook = await WebhookStore.FindOwnedAsync(connection, Route<Guid>("id"), User.PublicId()!.Value, ct);
        var delivery = webhook is null ? null : await WebhookDeliveries.FindAsync(connection, webhook.Id, Route<Guid>("deliveryId"), ct);
        if (delivery is null)
        {
            await Send.ResultAsync(Problems.NotFound(webhook is null ? "Webhook" : "Delivery"));
            return;
        }

        await WebhookDeliveries.RetryAsync(connection, delivery.Id, clock.GetUtcNow().UtcDateTime, ct);
        dispatcher.Wake();
        var queued = (await WebhookDeliveries.FindAsync(connection, webhook!.Id, delivery.PublicId, ct))!;
        await Send.ResponseAsync(DeliveryResponse.From(queued), 202, ct);
    }
}
