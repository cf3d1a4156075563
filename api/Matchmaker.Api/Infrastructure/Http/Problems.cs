namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>RFC 9457 answers for the errors a handler decides on itself.</summary>
internal static class Problems
{
    public static IResult NotFound(string what) =>
        Of(StatusCodes.Status404NotFound, "Not Found", $"{what} was not found.");

    public static IResult Forbidden(string detail) =>
        Of(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static IResult Conflict(string detail) =>
        Of(StatusCodes.Status409Conflict, "Conflict", detail);

    public static IResult PreconditionRequired() =>
        Of(StatusCodes.Status428PreconditionRequired, "Precondition Required",
            "This update needs an If-Match header carrying the ETag from your last read of the resource.");

    public static IResult PreconditionFailed() =>
        Of(StatusCodes.Status412PreconditionFailed, "Precondition Failed",
            "The resource changed since you read it: read it again and retry with its new ETag.");

    public static IResult Of(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
