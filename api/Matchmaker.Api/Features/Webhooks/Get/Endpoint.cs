namespace Matchmaker.Api.Features.Webhooks.Get;

internal sealed class Endpoint(ConnectionFactory db) : EndpointWithoutRequest<WebhookResponse>
{
    public const string Name = "getWebhook";

    public override void Configure()
    {
        Get("/webhooks/{id:guid}");
        Roles(AppRoles.All);
        Description(b => b.WithName(Name));
        Summary(s =>
        {
            s.Summary = "Read one of your webhook subscriptions";
            s.Description = "Owner only: anyone else, admin included, gets 404. The secret is never shown here.";
            s.ResponseExamples[200] = WebhookExamples.Read;
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

        ETags.Set(HttpContext.Response, webhook.Version);
        await Send.OkAsync(WebhookResponse.From(webhook), ct);
    }
}
