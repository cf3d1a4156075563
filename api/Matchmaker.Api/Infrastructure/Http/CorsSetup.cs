using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// Cross-origin browser access for the origins in <c>Cors:AllowedOrigins</c> only; with none (the
/// default) the API sends no CORS headers at all. Tokens travel in the Authorization header, never
/// in cookies, so credentials are not allowed.
/// </summary>
internal static class CorsSetup
{
    public const string Setting = "Cors:AllowedOrigins";

    /// <summary>The response headers a script on an allowed origin may read.</summary>
    public static readonly string[] ExposedHeaders =
        ["Location", "ETag", "Retry-After", RateLimits.RateLimitHeaders.Policy, RateLimits.RateLimitHeaders.Limit];

    public static string[] AllowedOrigins(IConfiguration configuration) =>
        configuration.GetSection(Setting).Get<string[]>()?.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/')).ToArray() ?? [];

    public static void AddMatchmakerCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = AllowedOrigins(configuration);
        services.AddCors(o => o.AddDefaultPolicy(Policy(origins)));
    }

    private static CorsPolicy Policy(string[] origins) => new CorsPolicyBuilder()
        .WithOrigins(origins)
        .WithMethods("GET", "POST", "PUT", "DELETE")
        .WithHeaders("Authorization", "Content-Type", "Accept", "Accept-Language", "If-Match", Idempotency.Header)
        .WithExposedHeaders(ExposedHeaders)
        .SetPreflightMaxAge(TimeSpan.FromHours(1))
        .Build();
}
