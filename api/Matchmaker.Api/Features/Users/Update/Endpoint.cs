using Matchmaker.Api.Features.Audit;

namespace Matchmaker.Api.Features.Users.Update;

public sealed class Request
{
    public string? Role { get; set; }
    public bool? IsActive { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Role).NotEmpty().Must(r => AppRoles.All.Contains(r))
            .WithMessage(_ => Messages.Get("User.Role"));
        RuleFor(x => x.IsActive).NotNull();
    }
}

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, AccountRevocation revocation) : Endpoint<Request, UserResponse>
{
    public override void Configure()
    {
        Put("/admin/users/{id:guid}");
        Roles(AppRoles.Admin);
        Description(b => b.WithName("updateUser").ProducesProblems(409, 412, 428));
        Summary(s =>
        {
            s.Summary = "Change an account's role or deactivate it";
            s.Description = "A deactivated account can no longer sign in, and a change of role or activity ends every token issued to the account before. "
                + "Needs If-Match with the account's ETag. Answers 409 when an admin would deactivate or demote their own account, "
                + "when the role of an account that owns an SME or partner profile would change, or when the change would leave no active admin.";
            s.Responses[409] = "Own account, a profile owner's role, or the last active admin.";
            s.ExampleRequest = new Request { Role = "agency", IsActive = false };
            s.ResponseExamples[200] = UserExamples.Agency with { IsActive = false };
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await using var connection = await db.OpenAsync(ct);
        var user = await UserAccounts.FindAsync(connection, id, ct);
        if (user is null)
        {
            await Send.ResultAsync(Problems.NotFound("Account"));
            return;
        }

        if (ETags.Precondition(HttpContext.Request, user.Version) is { } precondition)
        {
            await Send.ResultAsync(precondition);
            return;
        }

        if (id == User.PublicId() && (req.Role != AppRoles.Admin || req.IsActive == false))
        {
            await Send.ResultAsync(Problems.Conflict(Messages.Get("User.NotSelf")));
            return;
        }

        var change = new AccountChange(req.Role!, req.IsActive!.Value);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await AccountChanges.ApplyAsync(connection, user, change, AuditActor.Of(User), now, ct) is { } refusal)
        {
            await Send.ResultAsync(refusal switch
            {
                AccountChangeRefusal.Changed => Problems.PreconditionFailed(),
                AccountChangeRefusal.OwnsProfile => Problems.Conflict(Messages.Get("User.OwnsProfile")),
                _ => Problems.Conflict(Messages.Get("User.LastAdmin")),
            });
            return;
        }

        revocation.Forget(id);
        var updated = (await UserAccounts.FindAsync(connection, id, ct))!;
        ETags.Set(HttpContext.Response, updated.Version);
        await Send.OkAsync(UserResponse.From(updated), ct);
    }
}
