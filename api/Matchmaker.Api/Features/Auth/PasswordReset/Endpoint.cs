using Matchmaker.Api.Features.Users;
using Matchmaker.Api.Infrastructure.Http.RateLimits;

namespace Matchmaker.Api.Features.Auth.PasswordReset;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, AccountTokenMail mail, RateLimitCounters limits) : Endpoint<Request>
{
    public override void Configure()
    {
        Post("/auth/password-reset");
        AllowAnonymous();
        Definition.RateLimitedBy(RateLimitPolicies.SignInIp, RateLimitPolicies.SignIn);
        Description(b => b.WithName("requestPasswordReset").ClearDefaultProduces(200).Produces(202));
        Summary(s =>
        {
            s.Summary = "Ask for a password reset link";
            s.Description = "No sign-in needed. Answers 202 with no body whatever the address: registered, unknown or deactivated alike, after the same work, "
                + "so the answer tells nobody whether an account exists. When the address is an active account's and e-mail is on, a link "
                + "`{App:PublicUrl}/reset-password?token=…` goes to it at once, in the account's language, valid `Auth:ResetTokenLifetime` (default 1 hour), "
                + "for POST /api/v1/auth/password-reset/confirm. Each request sends its own link; earlier ones keep working until one is used. "
                + "Counts against the same limits as sign-in: `signin-ip` per client IP and `signin` per client IP and e-mail; over either the answer is 429 with `Retry-After`.";
            s.Responses[202] = "Accepted; if the address is an account's, the link is on its way.";
            s.ExampleRequest = new Request { Email = UserExamples.SmeEmail };
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (SignInLimit.Refusal(limits, HttpContext, req.Email!) is { } refusal)
        {
            await Send.ResultAsync(refusal);
            return;
        }

        // No branch on whether the address is an account's: the same statements run and write nothing for an unknown one.
        await using (var connection = await db.OpenAsync(ct))
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await mail.QueueAsync(connection, tx, AccountTokens.Purposes.PasswordReset, req.Email!, HttpContext.Request, clock.GetUtcNow().UtcDateTime, ct);
            await tx.CommitAsync(ct);
        }

        await Send.ResultAsync(TypedResults.StatusCode(StatusCodes.Status202Accepted));
    }
}
