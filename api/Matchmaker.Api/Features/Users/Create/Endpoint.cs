using Matchmaker.Api.Features.Audit;

namespace Matchmaker.Api.Features.Users.Create;

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect, TimeProvider clock) : Endpoint<Request, UserResponse>
{
    public override void Configure()
    {
        Post("/admin/users");
        Roles(AppRoles.Admin);
        Description(b => b.WithName("createUser").ClearDefaultProduces(200).Produces<UserResponse>(201, "application/json").ProducesProblems(409));
        Summary(s =>
        {
            s.Summary = "Create an account with any role";
            s.Description = "How agency analysts and further admins get accounts. Answers 409 when the e-mail is taken.";
            s.Responses[409] = "The e-mail is already registered.";
            s.ExampleRequest = new Request { Email = UserExamples.AgencyEmail, Password = UserExamples.Password, Role = "agency" };
            s.ResponseExamples[201] = UserExamples.Agency;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var user = await UserAccounts.CreateAsync(connection, dialect, req.Email!, req.Password!, req.Role!, AuditActor.Of(User), UserAccounts.Via.Admin,
            language: null, clock.GetUtcNow().UtcDateTime, ct);
        if (user is null)
        {
            await Send.ResultAsync(Problems.Conflict(Messages.Get("Account.EmailTaken")));
            return;
        }

        ETags.Set(HttpContext.Response, user.Version);
        await Send.CreatedAtAsync(Users.Get.Endpoint.Name, new { id = user.PublicId }, UserResponse.From(user), cancellation: ct);
    }
}
