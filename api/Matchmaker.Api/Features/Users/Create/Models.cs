namespace Matchmaker.Api.Features.Users.Create;

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
            .Must(r => AppRoles.All.Contains(r))
            .WithMessage("'role' must be one of sme, partner, agency, admin.");
    }
}
