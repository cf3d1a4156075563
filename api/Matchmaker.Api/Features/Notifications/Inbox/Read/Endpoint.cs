namespace Matchmaker.Api.Features.Notifications.Inbox.Read;

public sealed class Request
{
    public List<Guid>? Ids { get; set; }
    public Guid? UpTo { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x).Must(r => (r.Ids is null) != (r.UpTo is null))
            .WithName("ids").OverridePropertyName("ids")
            .WithMessage(_ => Messages.Get("Inbox.IdsOrUpTo"));
        RuleFor(x => x.Ids!.Count).InclusiveBetween(1, NotificationBounds.MaxIdsPerRead).When(x => x.Ids is not null)
            .OverridePropertyName("ids").WithMessage(_ => Messages.Get("Inbox.IdsCount", NotificationBounds.MaxIdsPerRead));
    }
}

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock) : Endpoint<Request>
{
    public override void Configure()
    {
        Post("/inbox/read");
        Description(b => b.WithName("markInboxRead").ClearDefaultProduces(200).Produces(204));
        Roles(AppRoles.Sme, AppRoles.Partner);
        Summary(s =>
        {
            s.Summary = "Mark inbox items read";
            s.Description = "SME and partner accounts. Either `ids` (up to 100 items) or `upTo` (that item and every older one). "
                + "Ids of items that are not yours are ignored, and marking a read item again changes nothing.";
            s.Responses[204] = "Marked.";
            s.Responses[400] = "Neither or both of `ids` and `upTo`, or more than 100 ids.";
            s.ExampleRequest = new Request { UpTo = InboxExamples.Interest.Id };
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var caller = User.PublicId()!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        if (req.UpTo is { } upTo)
            await NotificationStore.MarkReadUpToAsync(connection, caller, upTo, now, ct);
        else
            await NotificationStore.MarkReadAsync(connection, caller, req.Ids!, now, ct);
        await Send.NoContentAsync(ct);
    }
}
