using Matchmaker.Api.Features.Users;
using Matchmaker.Api.Infrastructure.Http.RateLimits;

namespace Matchmaker.Api.Features.Auth.VerifyEmail;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock) : Endpoint<Request>
{
    public const string ExampleToken = "q3Xv0bYH1m4y8gPz2c7dKfJ5wTnR9sLaE6uVh0iOjBk";

    public override void Configure()
    {
        Post("/auth/verify-email");
        AllowAnonymous();
        Definition.RateLimitedBy(RateLimitPolicies.SignInIp);
        Description(b => b.WithName("verifyEmail").ClearDefaultProduces(200).Produces(204));
        Summary(s =>
        {
            s.Summary = "Verify an account's e-mail address";
            s.Description = "No sign-in needed: the token is the one of the link `{App:PublicUrl}/verify-email?token=…` mailed at registration "
                + "(or by POST /api/v1/auth/verify-email/resend), 43 base64url characters. It works once, for `Auth:VerifyTokenLifetime` (default 7 days); "
                + "using it ends the account's other verification links, and GET /api/v1/auth/me then says `emailVerified: true`. "
                + "Where `Auth:RequireVerifiedEmail` is on (by default exactly when e-mail is, `Email:SmtpHost`), an agency can verify an SME or partner profile "
                + "only once its owner's address is verified. "
                + "An unknown, expired, used or ended token, or one of a deactivated account, is a 400 on `token`, the same for each. "
                + "Counts against the `signin-ip` limit of the client IP.";
            s.Responses[204] = "The address is verified.";
            s.Responses[400] = "The token is malformed, unknown, expired or already used.";
            s.ExampleRequest = new Request { Token = ExampleToken };
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await AccountTokens.RedeemAsync(connection, tx, AccountTokens.Purposes.VerifyEmail, req.Token!, now, ct) is not { } userId)
        {
            AddError(r => r.Token!, Messages.Get("Auth.TokenInvalid"));
            await Send.ErrorsAsync(cancellation: ct);
            return;
        }

        await UserAccounts.VerifyEmailAsync(connection, tx, userId, now, ct);
        await tx.CommitAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
