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
            .WithMessage("'role' must be one of sme, partner, agency, admin.");
        RuleFor(x => x.IsActive).NotNull();
    }
}

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, AccountRevocation revocation) : Endpoint<Request, UserResponse>
{

    private const string UpdateSql = """
        UPDATE users SET role = @Role, is_active = @IsActive, security_stamp = @SecurityStamp, updated_at = @Now, version = version + 1
        WHERE public_id = @Id AND version = @Version
        """;

    public override void Configure()
    {
        Put("/admin/users/{id:guid}");
        Roles(AppRoles.Admin);
        Description(b => b.WithName("updateUser").ProducesProblems(409, 412, 428));
        Summary(s =>
        {
            s.Summary = "Change an account's role or deactivate it";
            s.Description = "A deactivated account can no longer sign in. Needs If-Match with the account's ETag. An admin cannot deactivate or demote their own account.";
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
            await Send.ResultAsync(Problems.NotFound("The account"));
            return;
        }

        if (ETags.Precondition(HttpContext.Request, user.Version) is { } precondition)
        {
            await Send.ResultAsync(precondition);
            return;
        }

        if (id == User.PublicId() && (req.Role != AppRoles.Admin || req.IsActive == false))
        {
            await Send.ResultAsync(Problems.Conflict("You cannot demote or deactivate your own account."));
            return;
        }

        var changed = await connection.ExecuteAsync(new CommandDefinition(UpdateSql,
            new
            {
                Id = id,
                req.Role,
                IsActive = req.IsActive!.Value,
                SecurityStamp = req.Role == user.Role && req.IsActive == user.IsActive ? user.SecurityStamp : UserAccounts.NewSecurityStamp(),
                Now = clock.GetUtcNow().UtcDateTime,
                user.Version,
            }, cancellationToken: ct));
        if (changed == 0)
        {
            await Send.ResultAsync(Problems.PreconditionFailed());
            return;
        }

        revocation.Forget(id);
        var updated = (await UserAccounts.FindAsync(connection, id, ct))!;
        ETags.Set(HttpContext.Response, updated.Version);
        await Send.OkAsync(UserResponse.From(updated), ct);
    }
}
