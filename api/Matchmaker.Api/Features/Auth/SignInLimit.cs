using Matchmaker.Api.Features.Users;
using Matchmaker.Api.Infrastructure.Http.RateLimits;

namespace Matchmaker.Api.Features.Auth;

/// <summary>
/// The <c>signin</c> limit, per client IP and e-mail, which the handlers of the routes that take an address
/// (sign-in, password reset) count themselves: the partition holds the e-mail from the body. The middleware
/// counts <c>signin-ip</c> before them.
/// </summary>
internal static class SignInLimit
{
    /// <summary>Counts one attempt for <paramref name="email"/>; the 429 to answer when it is over the limit, else null.</summary>
    public static IResult? Refusal(RateLimitCounters limits, HttpContext context, string email)
    {
        using var attempt = limits.Acquire(context, RateLimitPolicies.SignIn, $"{RateLimitCounters.ClientIp(context)}|{UserAccounts.Canonical(email)}");
        return attempt is { IsAcquired: false } ? RateLimitSetup.TooManyRequests(RateLimitCounters.RetryAfterSeconds(attempt)) : null;
    }
}
