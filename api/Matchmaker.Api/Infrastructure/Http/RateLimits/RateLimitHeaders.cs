using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Matchmaker.Api.Infrastructure.Http.RateLimits;

/// <summary>
/// The headers of draft-ietf-httpapi-ratelimit-headers-10: <c>RateLimit-Policy: "search";q=120;w=60</c>
/// and <c>RateLimit: "search";r=87;t=33</c>, one list member per policy the request counted against.
/// </summary>
internal static class RateLimitHeaders
{
    public const string Policy = "RateLimit-Policy";
    public const string Limit = "RateLimit";

    public static string PolicyItem(RateLimitPolicy policy) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{policy.Name}\";q={policy.PermitLimit};w={policy.WindowSeconds}");

    public static string LimitItem(RateLimitState state) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{state.Policy.Name}\";r={state.Remaining};t={state.ResetSeconds}");

    /// <summary>
    /// Sets the policy's members, replacing any it had: the middleware asks its limiter a second time
    /// after a refusal (to wait for a queue, which these limits do not have), and the answer says the latest count once.
    /// </summary>
    public static void Write(HttpResponse response, RateLimitState state)
    {
        SetMember(response, Policy, state.Policy.Name, PolicyItem(state.Policy));
        SetMember(response, Limit, state.Policy.Name, LimitItem(state));
        if (state.Acquired)
            response.Headers.Remove(HeaderNames.RetryAfter);
        else
            response.Headers.RetryAfter = state.ResetSeconds.ToString(CultureInfo.InvariantCulture);
    }

    private static void SetMember(HttpResponse response, string header, string policy, string item)
    {
        var others = response.Headers[header].ToString()
            .Split(", ", StringSplitOptions.RemoveEmptyEntries)
            .Where(member => !member.StartsWith($"\"{policy}\";", StringComparison.Ordinal));
        response.Headers[header] = string.Join(", ", others.Append(item));
    }
}
