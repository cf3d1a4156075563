using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Auth.VerifyEmail.Resend;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, AccountTokenMail mail) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/auth/verify-email/resend");
        Roles(AppRoles.Sme, AppRoles.Partner);
        Description(b => b.WithName("resendVerificationEmail").ClearDefaultProduces(200).Produces(202).ProducesProblems(403, 409));
        Summary(s =>
        {
            s.Summary = "Send the e-mail verification link again";
            s.Description = "SME and partner accounts, no body. Mails a fresh link `{App:PublicUrl}/verify-email?token=…` to the caller's address at once, "
                + "in the account's language, valid `Auth:VerifyTokenLifetime` (default 7 days); every link sent before stops working. "
                + "Without `Email:SmtpHost` nothing is sent. An address already verified answers 409 and sends nothing. "
                + "Agency and admin accounts start verified (403).";
            s.Responses[202] = "A new link is on its way.";
            s.Responses[409] = "The address is verified already.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var user = await UserAccounts.FindAsync(connection, User.PublicId()!.Value, ct);
        if (user is null)
        {
            await Send.ResultAsync(Problems.NotFound("Account"));
            return;
        }

        if (user.EmailVerifiedAt is not null)
        {
            await Send.ResultAsync(Problems.Conflict(Messages.Get("Auth.EmailAlreadyVerified")));
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await mail.QueueAsync(connection, tx, AccountTokens.Purposes.VerifyEmail, user.Email, HttpContext.Request, now, ct);
            await tx.CommitAsync(ct);
        }

        await Send.ResultAsync(TypedResults.StatusCode(StatusCodes.Status202Accepted));
    }
}
