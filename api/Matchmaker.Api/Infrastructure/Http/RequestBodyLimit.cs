using Microsoft.AspNetCore.Http.Features;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>Refuses bodies larger than <c>Api:MaxRequestBodyBytes</c> with a 413 before anything reads them.</summary>
internal sealed class RequestBodyLimit(RequestDelegate next, long maxBytes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            await Problems.Of(StatusCodes.Status413PayloadTooLarge, "Payload Too Large",
                    $"The request body may be at most {maxBytes} bytes.")
                .ExecuteAsync(context);
            return;
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
            feature.MaxRequestBodySize = maxBytes;
        await next(context);
    }
}
