namespace Matchmaker.Api.Features.Webhooks.Deliveries.List;

public sealed class Request : PagedQuery
{
    public const int MaxStatusLength = 40;

    /// <summary>One or more delivery statuses, comma-separated.</summary>
    public string? Status { get; set; }

    internal IReadOnlyCollection<string> Statuses => Status is null ? WebhookDeliveries.Status.All : Status.Split(',');
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new PagedQueryRules());
        RuleFor(x => x.Status).MaximumLength(Request.MaxStatusLength)
            .Must(s => s is null || s.Split(',').All(WebhookDeliveries.Status.All.Contains))
            .WithMessage(_ => Messages.Get("Delivery.Status", string.Join(", ", WebhookDeliveries.Status.All)));
    }
}

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect) : Endpoint<Request, Page<DeliveryResponse>>
{
    public override void Configure()
    {
        Get("/webhooks/{id:guid}/deliveries");
        Roles(AppRoles.All);
        Description(b => b.WithName("listWebhookDeliveries").ProducesProblems(404)
            .WithMetadata(new QueryList("status", WebhookDeliveries.Status.All, [WebhookDeliveries.Status.Retrying, WebhookDeliveries.Status.Failed])));
        Summary(s =>
        {
            s.Summary = "List the deliveries of one of your webhook subscriptions, newest first";
            s.Description = "Owner only (others get 404). Each event the subscription received: `status` `pending` (not tried yet, or queued again by a retry), "
                + "`delivered` (the receiver answered 2xx), `retrying` (it did not; tried again after each of `Webhooks:RetrySeconds` in turn, then every 6 h), "
                + "`failed` (still not answered 2xx 24 h after the first attempt, or the account was deactivated); `attempts`, `lastResponseCode` (null when "
                + "the receiver could not be reached), `lastError`, and the `body` exactly as posted and signed. `id` is the `webhook-id` header of every "
                + "attempt. `status` filters (one or more, comma-separated). " + NewestFirst.Description;
            s.ResponseExamples[200] = DeliveryExamples.Page;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var webhook = await WebhookStore.FindOwnedAsync(connection, Route<Guid>("id"), User.PublicId()!.Value, ct);
        if (webhook is null)
        {
            await Send.ResultAsync(Problems.NotFound("Webhook"));
            return;
        }

        var rows = await WebhookDeliveries.ListAsync(connection, dialect, webhook.Id, req.Statuses, req.AfterCreatedAt, req.AfterId, req.Take + 1, ct);
        await Send.OkAsync(Paging.Build(rows, req.Take, r => NewestFirst.Cursor(r.CreatedAt, r.Id), DeliveryResponse.From), ct);
    }
}
