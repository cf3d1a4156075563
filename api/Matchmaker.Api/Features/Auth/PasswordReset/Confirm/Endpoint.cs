using Matchmaker.Api.Features.Users;
using Matchmaker.Api.Infrastructure.Http.RateLimits;

namespace Matchmaker.Api.Features.Auth.PasswordReset.Confirm;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, AccountRevocation revocation) : Endpoint<Request>
{
    public override void Configure()
    {
        Post("/auth/password-reset/confirm");
        AllowAnonymous();
        Definition.RateLimitedBy(RateLimitPolicies.SignInIp);
        Description(b => b.WithName("confirmPasswordReset").ClearDefaultProduces(200).Produces(204));
        Summary(s =>
        {
            s.Summary = "Set a new password with a reset link";
            s.Description = "No sign-in needed: `token` is the one of the mailed link `{App:PublicUrl}/reset-password?token=…`. "
                + $"`newPassword` follows the registration rule ({UserAccounts.MinPasswordLength}–{UserAccounts.MaxPasswordLength} characters). "
                + "On success the password is the new one, every reset link of the account stops working, every token issued to it before stops "
                + "working (sign in again), the address counts as verified (the link reached it), and the audit log gets `user.password_reset` by the account itself. "
                + "An unknown, expired, used or ended token, or one of a deactivated account, is a 400 on `token`, the same for each, and changes nothing. "
                + "Counts against the `signin-ip` limit of the client IP.";
            s.Responses[204] = "The password is changed; sign in with it.";
            s.Responses[400] = "The token is malformed, unknown, expired or already used, or `newPassword` breaks the rule.";
            s.ExampleRequest = new Request { Token = VerifyEmail.Endpoint.ExampleToken, NewPassword = "a-longer-passphrase-of-my-own" };
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Guid account;
        await using (var connection = await db.OpenAsync(ct))
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            if (await AccountTokens.RedeemAsync(connection, tx, AccountTokens.Purposes.PasswordReset, req.Token!, now, ct) is not { } userId
                || await UserAccounts.FindAsync(connection, userId, tx, ct) is not { } user)
            {
                AddError(r => r.Token!, Messages.Get("Auth.TokenInvalid"));
                await Send.ErrorsAsync(cancellation: ct);
                return;
            }

            await UserAccounts.ResetPasswordAsync(connection, tx, user, req.NewPassword!, now, ct);
            await tx.CommitAsync(ct);
            account = user.PublicId;
        }

        revocation.Forget(account);
        await Send.NoContentAsync(ct);
    }
}
