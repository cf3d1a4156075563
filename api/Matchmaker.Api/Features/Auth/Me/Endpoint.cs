using System.Text.Json.Serialization;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Users;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Auth.Me;

public sealed record Response
{
    public Guid Id { get; init; }
    public string Email { get; init; } = "";
    public string Role { get; init; } = "";
    public Guid? SmeId { get; init; }
    public Guid? PartnerId { get; init; }

    /// <summary>Whether the account proved it reads its address (POST /auth/verify-email).</summary>
    public bool EmailVerified { get; init; }

    /// <summary>Where the account's SME or partner profile stands with the agencies; absent without a profile.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ProfileVerification { get; init; }
}

internal sealed record MeRow
{
    public Guid Id { get; init; }
    public string Email { get; init; } = "";
    public string Role { get; init; } = "";
    public Guid? SmeId { get; init; }
    public Guid? PartnerId { get; init; }
    public DateTime? EmailVerifiedAt { get; init; }
    public string? ProfileVerification { get; init; }
}

internal sealed class Endpoint(ConnectionFactory db) : EndpointWithoutRequest<Response>
{
    private const string Sql = """
        SELECT u.public_id AS Id, u.email AS Email, u.role AS Role, s.public_id AS SmeId, p.public_id AS PartnerId, u.email_verified_at AS EmailVerifiedAt,
               COALESCE(s.verification, p.verification) AS ProfileVerification
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
            s.Description = "The signed-in account with the id of its SME or partner profile, if it has one, and whether its e-mail address is verified "
                + "(`emailVerified`: registered accounts verify it through the mailed link, POST /api/v1/auth/verify-email; accounts an admin creates start verified), and where its profile stands with the agencies (`profileVerification`: `pending`, `verified` or `rejected`; "
                + "until it is verified the other side stays closed to it).";
            s.ResponseExamples[200] = new Response { Id = Examples.SmeUserId, Email = UserExamples.SmeEmail, Role = "sme", SmeId = Examples.SmeId, EmailVerified = true, ProfileVerification = VerificationStatus.Verified };
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var me = await connection.QuerySingleOrDefaultAsync<MeRow>(new CommandDefinition(Sql, new { UserId = User.PublicId() }, cancellationToken: ct));
        if (me is null)
        {
            await Send.ResultAsync(Problems.NotFound("Account"));
            return;
        }

        await Send.OkAsync(new Response
        {
            Id = me.Id,
            Email = me.Email,
            Role = me.Role,
            SmeId = me.SmeId,
            PartnerId = me.PartnerId,
            EmailVerified = me.EmailVerifiedAt is not null,
            ProfileVerification = me.ProfileVerification,
        }, ct);
    }
}
