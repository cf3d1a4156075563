using Microsoft.AspNetCore.RateLimiting;

namespace Matchmaker.Api.Infrastructure.Http.RateLimits;

internal static class RateLimitSetup
{
    public static void AddMatchmakerRateLimits(this IServiceCollection services, RateLimitPolicies policies)
    {
        services.AddSingleton(policies);
        services.AddSingleton<RateLimitCounters>();
        services.AddSingleton<EndpointRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<EndpointRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
                new ValueTask(TooManyRequests(RateLimitCounters.RetryAfterSeconds(context.Lease)).ExecuteAsync(context.HttpContext));
        });
    }

    public static IResult TooManyRequests(int retryAfterSeconds) =>
        Problems.Of(StatusCodes.Status429TooManyRequests, Messages.Get("Http.TooMany", retryAfterSeconds));
}
