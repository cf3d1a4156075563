using System.Text.Json;
using System.Text.Json.Serialization;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// FastEndpoints' response serializer: a page leaves with its next position sealed by
/// <see cref="SealedCursors"/>; everything is then written as FastEndpoints writes JSON.
/// </summary>
internal static class CursorSealing
{
    public static Func<HttpResponse, object?, string, JsonSerializerContext?, CancellationToken, Task> Serializer(JsonSerializerOptions options) =>
        (response, dto, contentType, json, ct) =>
        {
            if (dto is null)
                return Task.CompletedTask;
            if (dto is IPage { NextCursor: { } position } page)
                dto = page.WithNextCursor(response.HttpContext.RequestServices.GetRequiredService<SealedCursors>().Seal(response.HttpContext, position));
            return response.WriteAsJsonAsync(dto, dto.GetType(), json?.Options ?? options, WithCharset(contentType), ct);
        };

    private static string WithCharset(string contentType) =>
        contentType.Contains("charset=", StringComparison.OrdinalIgnoreCase) ? contentType : $"{contentType}; charset=utf-8";
}
