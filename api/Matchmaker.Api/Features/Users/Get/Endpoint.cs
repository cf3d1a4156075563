namespace Matchmaker.Api.Features.Users.Get;

internal sealed class Endpoint(ConnectionFactory db) : EndpointWithoutRequest<UserResponse>
{
    public const string Name = "getUser";


    public override void Configure()
    {
        Get("/admin/users/{id:guid}");
        Description(b => b.WithName(Name));
        Roles(AppRoles.Admin);
        Summary(s =>
        {
            s.Summary = "Read an account";
            s.ResponseExamples[200] = UserExamples.Agency;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var user = await UserAccounts.FindAsync(connection, Route<Guid>("id"), ct);
        if (user is null)
        {
            await Send.ResultAsync(Problems.NotFound("Account"));
            return;
        }

        ETags.Set(HttpContext.Response, user.Version);
        await Send.OkAsync(UserResponse.From(user), ct);
    }
}
