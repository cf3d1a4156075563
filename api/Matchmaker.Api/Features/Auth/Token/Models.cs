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

internal static class TokenBounds
{
    public static void DescribeFields(FieldBounds fields) => fields
        // Sign-in takes whatever was typed: a malformed address gets the same 401 as a wrong one.
        .String("AuthTokenRequest.email", UserAccounts.MaxEmailLength)
        .String("accessToken", 8192, "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$")
        .Code("tokenType", 6, ["Bearer"])
        .Integer("expiresIn", 1, int.MaxValue);
}
