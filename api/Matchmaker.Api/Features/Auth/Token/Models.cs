using FastEndpoints;
using FluentValidation;
using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Auth.Token;

public sealed class Request
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}

public sealed record Response(string AccessToken, string TokenType, int ExpiresIn);

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(UserAccounts.MaxEmailLength);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(UserAccounts.MaxPasswordLength);
    }
}
