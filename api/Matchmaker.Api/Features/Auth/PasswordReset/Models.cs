using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Auth.PasswordReset;

public sealed class Request
{
    public string? Email { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Email).ValidEmail();
}
