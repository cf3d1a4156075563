using System.Text;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// A POST or PUT sent with no body and no Content-Type is read as <c>{}</c>: a body-less
/// <c>POST /needs/{id}/close</c> works, and a body-less create gets the usual validation answer
/// instead of a bare 415. A body sent without a Content-Type gets the 415 as problem details.
/// </summary>
internal sealed class EmptyBody(RequestDelegate next)
{
    private static readonly byte[] EmptyObject = Encoding.UTF8.GetBytes("{}");

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var bodyless = request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any(v => v?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true);
        if ((HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)) && !bodyless && string.IsNullOrEmpty(request.ContentType))
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, Messages.Get("Http.Json")).ExecuteAsync(context);
        if ((HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)) && bodyless && string.IsNullOrEmpty(request.ContentType))
        {
            request.ContentType = "application/json";
            request.ContentLength = EmptyObject.Length;
            request.Body = new MemoryStream(EmptyObject, writable: false);
        }

        return next(context);
    }
}
