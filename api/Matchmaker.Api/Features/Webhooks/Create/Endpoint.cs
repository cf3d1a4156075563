using Matchmaker.Api.Features.Audit;
using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Webhooks.Create;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, WebhookUrlGuard guard) : Endpoint<WebhookRequest, IssuedWebhookResponse>
{
    public override void Configure()
    {
        Post("/webhooks");
        Roles(AppRoles.All);
        Description(b => b.WithName("createWebhook").ClearDefaultProduces(200).Produces<IssuedWebhookResponse>(201, "application/json").ProducesProblems(404));
        Summary(s =>
        {
            s.Summary = "Subscribe a URL to events";
            s.Description = "Any signed-in account (sme, partner, agency, admin); the subscription is the caller's own. " + WebhookDocs.Rules
                + " The answer carries `secret` (`whsec_…`), which signs deliveries; it is shown only here and on rotation. Send an Idempotency-Key header to make retries safe: a replay answers the same subscription and secret.";
            s.Responses[201] = "Created; Location and ETag point at the subscription. Keep `secret`: it is not shown again.";
            s.ExampleRequest = WebhookExamples.Request;
            s.ResponseExamples[201] = WebhookExamples.Issued;
        });
    }

    public override async Task HandleAsync(WebhookRequest req, CancellationToken ct)
    {
        if (await WebhookChecks.RefusalAsync(req, User, guard, ct) is { } refusal)
        {
            AddError(new FluentValidation.Results.ValidationFailure(refusal.Field, refusal.Message));
            await Send.ErrorsAsync(cancellation: ct);
            return;
        }

        await using var connection = await db.OpenAsync(ct);
        var owner = await UserAccounts.FindAsync(connection, User.PublicId()!.Value, ct);
        if (owner is null)
        {
            await Send.ResultAsync(Problems.NotFound("Account"));
            return;
        }

        var fields = WebhookFields.From(req);
        var publicId = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await WebhookStore.InsertAsync(connection, tx, publicId, owner.Id, fields, WebhookSecret.New(), now, ct);
            await AuditLog.AppendAsync(connection, tx, new AuditEntry(AuditActor.Of(User), AuditAction.WebhookCreated, AuditTarget.Webhook,
                publicId.ToString(), new { fields.Url, fields.Events }), now, ct);
            await tx.CommitAsync(ct);
        }

        var created = (await WebhookStore.FindOwnedAsync(connection, publicId, owner.PublicId, ct))!;
        ETags.Set(HttpContext.Response, created.Version);
        await Send.CreatedAtAsync(Webhooks.Get.Endpoint.Name, new { id = publicId }, IssuedWebhookResponse.From(created), cancellation: ct);
    }
}
