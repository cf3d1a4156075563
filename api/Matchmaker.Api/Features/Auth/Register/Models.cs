using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Auth.Register;

public sealed class Request
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? Role { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Email).ValidEmail();
        RuleFor(x => x.Password).ValidNewPassword();
        RuleFor(x => x.Role).NotEmpty()
            .Must(r => AppRoles.SelfRegistering.Contains(r))
            .WithMessage("'role' must be 'sme' or 'partner'; agency and admin accounts are created by an admin.");
    }
}
