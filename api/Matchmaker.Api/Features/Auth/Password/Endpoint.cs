using Matchmaker.Api.Features.Audit;
using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Auth.Password;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, AccountRevocation revocation) : Endpoint<Request>
{
    public override void Configure()
    {
        Post("/auth/password");
        Description(b => b.WithName("changePassword").ClearDefaultProduces(200).Produces(204).ProducesProblems(409));
        Summary(s =>
        {
            s.Summary = "Change your password";
            s.Description = $"Any signed-in account. `newPassword` follows the registration rule ({UserAccounts.MinPasswordLength}–{UserAccounts.MaxPasswordLength} characters). "
                + "On success every token issued to the account before, the one that made this call included, stops working: sign in again with the new password.";
            s.Responses[204] = "Changed; sign in again.";
            s.Responses[400] = "`currentPassword` is wrong, or `newPassword` breaks the rule.";
            s.Responses[409] = "The account changed while the password was being set; retry.";
            s.ExampleRequest = new Request { CurrentPassword = UserExamples.Password, NewPassword = "a-longer-passphrase-of-my-own" };
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = User.PublicId()!.Value;
        await using var connection = await db.OpenAsync(ct);
        var user = await UserAccounts.FindAsync(connection, id, ct);
        if (user is null || !UserAccounts.HasPassword(user, req.CurrentPassword!))
        {
            AddError(r => r.CurrentPassword!, Messages.Get("Auth.WrongCurrentPassword"));
            await Send.ErrorsAsync(cancellation: ct);
            return;
        }

        if (!await UserAccounts.ChangePasswordAsync(connection, user, req.NewPassword!, AuditActor.Of(User), clock.GetUtcNow().UtcDateTime, ct))
        {
            await Send.ResultAsync(Problems.Conflict(Messages.Get("Account.ChangedDuringPassword")));
            return;
        }

        revocation.Forget(id);
        await Send.NoContentAsync(ct);
    }
}
