using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Auth.Password;

public sealed class Request
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().MaximumLength(UserAccounts.MaxPasswordLength);
        RuleFor(x => x.NewPassword).ValidNewPassword();
    }
}

internal static class PasswordBounds
{
    public static void DescribeFields(FieldBounds fields) => fields
        .String("currentPassword", UserAccounts.MaxPasswordLength)
        .String("newPassword", UserAccounts.MaxPasswordLength);
}
