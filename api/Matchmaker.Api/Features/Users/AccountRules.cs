using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Users;

internal static class AccountRules
{
    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.EmailText();

    public static IRuleBuilderOptions<T, string?> ValidNewPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MinimumLength(UserAccounts.MinPasswordLength).MaximumLength(UserAccounts.MaxPasswordLength);
}

internal static class UserBounds
{
    public static void DescribeFields(FieldBounds fields) => fields
        .String("email", UserAccounts.MaxEmailLength, format: "email")
        .String("password", UserAccounts.MaxPasswordLength)
        .Code("role", 16, AppRoles.All);
}
