using Microsoft.AspNetCore.Diagnostics;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// Exceptions that are the client's fault (a body too large or cut off, a malformed request): answered
/// with their 4xx, and kept out of the error log, where any client could otherwise write stack traces at will.
/// </summary>
internal static class ClientFaults
{
    public static int Status(Exception exception) =>
        exception is BadHttpRequestException { StatusCode: >= 400 and < 500 } bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    public static bool SuppressDiagnostics(ExceptionHandlerSuppressDiagnosticsContext context) =>
        Status(context.Exception) < StatusCodes.Status500InternalServerError;
}
