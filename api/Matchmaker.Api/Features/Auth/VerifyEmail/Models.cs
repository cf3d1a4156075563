namespace Matchmaker.Api.Features.Auth.VerifyEmail;

public sealed class Request
{
    public string? Token { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Token).MailedToken();
}
