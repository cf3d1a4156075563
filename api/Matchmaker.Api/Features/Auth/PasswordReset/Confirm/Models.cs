using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Auth.PasswordReset.Confirm;

public sealed class Request
{
    public string? Token { get; set; }
    public string? NewPassword { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Token).MailedToken();
        RuleFor(x => x.NewPassword).ValidNewPassword();
    }
}
