namespace Matchmaker.Api.Features.Webhooks.List;

public sealed class Request : PagedQuery;

internal sealed class Validator : Validator<Request>
{
    public Validator() => Include(new PagedQueryRules());
}

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect) : Endpoint<Request, Page<WebhookResponse>>
{
    public override void Configure()
    {
        Get("/webhooks");
        Roles(AppRoles.All);
        Description(b => b.WithName("listWebhooks"));
        Summary(s =>
        {
            s.Summary = "List your webhook subscriptions, newest first";
            s.Description = "Only the caller's own subscriptions, admin included; secrets are never shown. " + NewestFirst.Description;
            s.ResponseExamples[200] = WebhookExamples.Page;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await WebhookStore.ListOwnedAsync(connection, dialect, User.PublicId()!.Value, req.AfterCreatedAt, req.AfterId, req.Take + 1, ct);
        await Send.OkAsync(Paging.Build(rows, req.Take, r => NewestFirst.Cursor(r.CreatedAt, r.Id), WebhookResponse.From), ct);
    }
}
