using System.Security.Claims;

namespace Matchmaker.Api.Infrastructure.Http.RateLimits;

/// <summary>Endpoint metadata: the policies a route's requests count against.</summary>
internal sealed record RateLimited(params string[] Policies)
{
    /// <summary>
    /// The partition of a request under a policy the middleware counts, or null when it does not count
    /// the request: an anonymous caller has no account, and sign-in's e-mail partition is counted by
    /// its handler, which has read the body.
    /// </summary>
    public static string? Partition(string policy, HttpContext context) => policy switch
    {
        RateLimitPolicies.Register or RateLimitPolicies.SignInIp => RateLimitCounters.ClientIp(context),
        RateLimitPolicies.Search or RateLimitPolicies.Write => context.User.FindFirstValue(Auth.CallerClaims.Subject),
        _ => null,
    };
}

/// <summary>
/// Which routes count against which policy, decided once for every endpoint from its shape, so a
/// new route cannot be forgotten: a signed-in caller's paged list (<see cref="Page{T}"/>) counts
/// against <c>search</c>, its POST, PUT and DELETE against <c>write</c>. Anonymous routes are
/// limited only where they name a policy (<see cref="RateLimitedBy"/>).
/// </summary>
internal static class RateLimitConvention
{
    public static void Apply(EndpointDefinition endpoint)
    {
        if (endpoint.EndpointMetadata?.OfType<RateLimited>().Any() is true || endpoint.AnonymousVerbs is { Length: > 0 })
            return;
        if (endpoint.Verbs.Contains("GET") && IsPage(endpoint.ResDtoType))
            endpoint.Metadata(new RateLimited(RateLimitPolicies.Search));
        else if (endpoint.Verbs.Any(v => v is "POST" or "PUT" or "DELETE"))
            endpoint.Metadata(new RateLimited(RateLimitPolicies.Write));
    }

    /// <summary>Names the policies of an anonymous route, from its <c>Configure()</c>.</summary>
    public static void RateLimitedBy(this EndpointDefinition endpoint, params string[] policies) =>
        endpoint.Metadata(new RateLimited(policies));

    private static bool IsPage(Type? type) => type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(Page<>);
}
