namespace Matchmaker.Api.Features.Users;

/// <summary>The body that creates an account, by self-registration or by an admin; each use case decides which roles it allows.</summary>
public abstract class NewAccount
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? Role { get; set; }
}

internal sealed class NewAccountRules : AbstractValidator<NewAccount>
{
    /// <param name="roleMessage">The key of the message that refuses a role not in <paramref name="roles"/>.</param>
    public NewAccountRules(IReadOnlyCollection<string> roles, string roleMessage)
    {
        RuleFor(x => x.Email).ValidEmail();
        RuleFor(x => x.Password).ValidNewPassword();
        RuleFor(x => x.Role).NotEmpty().Must(r => roles.Contains(r)).WithMessage(_ => Messages.Get(roleMessage));
    }
}
