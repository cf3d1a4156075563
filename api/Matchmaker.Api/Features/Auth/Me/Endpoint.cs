using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Auth.Me;

public sealed record Response
{
    public Guid Id { get; init; }
    public string Email { get; init; } = "";
    public string Role { get; init; } = "";
    public Guid? SmeId { get; init; }
    public Guid? PartnerId { get; init; }
}

internal sealed class Endpoint(ConnectionFactory db) : EndpointWithoutRequest<Response>
{
    private const string Sql = """
        SELECT u.public_id AS Id, u.email AS Email, u.role AS Role, s.public_id AS SmeId, p.public_id AS PartnerId
        FROM users u
        LEFT JOIN smes s ON s.owner_user_id = u.id
        LEFT JOIN partners p ON p.owner_user_id = u.id
        WHERE u.public_id = @UserId AND u.is_active = 1
        """;

    public override void Configure()
    {
        Get("/auth/me");
        Description(b => b.WithName("getMe").ProducesProblems(404));
        Summary(s =>
        {
            s.Summary = "Who am I";
            s.Description = "The signed-in account with the id of its SME or partner profile, if it has one.";
            s.ResponseExamples[200] = new Response { Id = Examples.SmeUserId, Email = UserExamples.SmeEmail, Role = "sme", SmeId = Examples.SmeId };
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var me = await connection.QuerySingleOrDefaultAsync<Response>(new CommandDefinition(Sql, new { UserId = User.PublicId() }, cancellationToken: ct));
        if (me is null)
        {
            await Send.ResultAsync(Problems.NotFound("Account"));
            return;
        }

        await Send.OkAsync(me, ct);
    }
}
