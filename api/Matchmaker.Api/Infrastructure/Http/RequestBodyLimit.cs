using Microsoft.AspNetCore.Http.Features;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// Refuses bodies larger than <c>Api:MaxRequestBodyBytes</c> with a 413: at once where the length is
/// declared, and where it is not (chunked) as soon as reading passes the limit, whichever server hosts
/// the app. The second is a <see cref="BadHttpRequestException"/>, a client fault that is answered but
/// not logged as an error (<see cref="ClientFaults"/>).
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, long maxBytes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            await Problems.Of(StatusCodes.Status413PayloadTooLarge, TooLarge(maxBytes)).ExecuteAsync(context);
            return;
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
            feature.MaxRequestBodySize = maxBytes;
        if (context.Request.ContentLength is null)
            context.Request.Body = new LimitedStream(context.Request.Body, maxBytes);
        await next(context);
    }

    private static string TooLarge(long maxBytes) => Messages.Get("Http.TooLarge", maxBytes);

    private sealed class LimitedStream(Stream inner, long maxBytes) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int bytes)
        {
            read += bytes;
            if (read > maxBytes)
                throw new BadHttpRequestException(TooLarge(maxBytes), StatusCodes.Status413PayloadTooLarge);
            return bytes;
        }

        public override void Flush() => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
