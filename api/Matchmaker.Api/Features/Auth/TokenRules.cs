namespace Matchmaker.Api.Features.Auth;

internal static class TokenRules
{
    /// <summary>
    /// A mailed token as the front end posts it. A malformed one gets the same 400 as an unknown, expired or used one,
    /// so the answer says only that the link does not work.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> MailedToken<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => Messages.Get("Auth.TokenInvalid"))
            .Matches(AccountTokens.TokenPattern).WithMessage(_ => Messages.Get("Auth.TokenInvalid"));
}

internal static class AccountTokenBounds
{
    public static void DescribeFields(FieldBounds fields) => fields
        .String("token", AccountTokens.TokenLength, AccountTokens.TokenPattern);
}
