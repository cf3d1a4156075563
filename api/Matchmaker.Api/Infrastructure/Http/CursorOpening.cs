using FluentValidation.Results;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// Opens the cursor of an <see cref="ICursorQuery"/> into its keyset position before the handler reads
/// it; a cursor that does not open here (changed, forged, of another list or caller) is a 400 on <c>cursor</c>.
/// </summary>
internal sealed class CursorOpening : IGlobalPreProcessor
{
    public Task PreProcessAsync(IPreProcessorContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        if (context.Request is not ICursorQuery { Cursor: { Length: > 0 } cursor } query || http.ResponseStarted())
            return Task.CompletedTask;

        if (http.RequestServices.GetRequiredService<SealedCursors>().TryOpen(http, cursor, out var position))
        {
            query.Cursor = position;
            return Task.CompletedTask;
        }

        context.ValidationFailures.Add(new ValidationFailure(nameof(ICursorQuery.Cursor), SealedCursors.Refused));
        return http.Response.SendErrorsAsync(context.ValidationFailures, cancellation: ct);
    }
}
