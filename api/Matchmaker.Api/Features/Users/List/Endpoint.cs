namespace Matchmaker.Api.Features.Users.List;

public sealed class Request : PagedQuery
{
    public string? Role { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new PagedQueryRules());
        RuleFor(x => x.Role).Must(r => AppRoles.All.Contains(r)).When(x => x.Role is not null)
            .WithMessage(_ => Messages.Get("User.Role"));
    }
}

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect) : Endpoint<Request, Page<UserResponse>>
{
    private static readonly string Sql = "SELECT /**top**/ " + UserAccounts.SelectColumns + $"""
         FROM users
        WHERE {NewestFirst.After("users")} AND (@Role IS NULL OR role = @Role)
        {NewestFirst.Order("users")}
        /**limit**/
        """;

    public override void Configure()
    {
        Get("/admin/users");
        Description(b => b.WithName("listUsers"));
        Roles(AppRoles.Admin);
        Summary(s =>
        {
            s.Summary = "List accounts, newest first";
            s.Description = "Admin only. Filter: `role`. " + NewestFirst.Description;
            s.ResponseExamples[200] = UserExamples.Page;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<UserRow>(new CommandDefinition(dialect.Render(Sql),
            new { req.AfterCreatedAt, req.AfterId, req.Role, Take = req.Take + 1 }, cancellationToken: ct))).ToList();
        await Send.OkAsync(Paging.Build(rows, req.Take, r => NewestFirst.Cursor(r.CreatedAt, r.Id), UserResponse.From), ct);
    }
}
