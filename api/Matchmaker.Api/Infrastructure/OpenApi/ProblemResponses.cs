namespace Matchmaker.Api.Infrastructure.OpenApi;

internal static class ProblemResponses
{
    /// <summary>Declares the problem-details answers a handler decides on itself (404, 409, 412…); the shared ones come from <see cref="ProblemDetailsProcessor"/>.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
            builder.ProducesProblem(status);
        return builder;
    }
}
