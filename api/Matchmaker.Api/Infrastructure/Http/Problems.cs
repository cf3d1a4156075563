namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>RFC 9457 answers for the errors a handler decides on itself, titled and worded in the request's language.</summary>
internal static class Problems
{
    /// <summary>404 saying <c>NotFound.{what}</c> (e.g. <c>NotFound.Need</c>) was not found.</summary>
    public static IResult NotFound(string what) =>
        Of(StatusCodes.Status404NotFound, Messages.Get($"NotFound.{what}"));

    public static IResult Forbidden(string detail) =>
        Of(StatusCodes.Status403Forbidden, detail);

    public static IResult Conflict(string detail) =>
        Of(StatusCodes.Status409Conflict, detail);

    public static IResult PreconditionRequired() =>
        Of(StatusCodes.Status428PreconditionRequired, Messages.Get("Http.IfMatchRequired"));

    public static IResult PreconditionFailed() =>
        Of(StatusCodes.Status412PreconditionFailed, Messages.Get("Http.IfMatchStale"));

    public static IResult Of(int status, string detail) =>
        TypedResults.Problem(statusCode: status, title: Messages.Title(status), detail: detail);
}
