using System.Globalization;

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

    public static void Write(HttpResponse response, RateLimitState state)
    {
        AddMember(response, Policy, PolicyItem(state.Policy));
        AddMember(response, Limit, LimitItem(state));
        if (!state.Acquired)
            response.Headers.RetryAfter = state.ResetSeconds.ToString(CultureInfo.InvariantCulture);
    }

    private static void AddMember(HttpResponse response, string header, string item)
    {
        var current = response.Headers[header].ToString();
        response.Headers[header] = current.Length == 0 ? item : $"{current}, {item}";
    }
}
