using System.Security.Cryptography;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// <c>Idempotency-Key</c> on an authenticated POST: the first request claims the key, later ones
/// with the same key, caller and route get the stored answer for 24 hours (422 if the body differs).
/// </summary>
internal sealed class Idempotency(RequestDelegate next, ConnectionFactory db, SqlDialect dialect, TimeProvider clock, ILogger<Idempotency> logger)
{
    public const string Header = "Idempotency-Key";
    private const int MaxKeyLength = 200;
    private const int Pending = 0;
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private const string ClaimSql = """
        INSERT INTO idempotency_keys (user_id, route, idem_key, request_hash, status_code, created_at)
        VALUES (@UserId, @Route, @Key, @Hash, 0, @Now)
        """;

    private const string FindSql = """
        SELECT request_hash AS RequestHash, status_code AS StatusCode, content_type AS ContentType,
               location AS Location, etag AS ETag, body AS Body, created_at AS CreatedAt
        FROM idempotency_keys
        WHERE user_id = @UserId AND route = @Route AND idem_key = @Key
        """;

    private const string CompleteSql = """
        UPDATE idempotency_keys
        SET status_code = @StatusCode, content_type = @ContentType, location = @Location, etag = @ETag, body = @Body
        WHERE user_id = @UserId AND route = @Route AND idem_key = @Key
        """;

    private const string ReleaseSql = "DELETE FROM idempotency_keys WHERE user_id = @UserId AND route = @Route AND idem_key = @Key";

    private const string PurgeSql = "DELETE FROM idempotency_keys WHERE created_at < @Cutoff";

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0 || context.User.PublicId() is not { } userId)
        {
            await next(context);
            return;
        }

        if (key.Length > MaxKeyLength)
        {
            await Problems.Of(400, "Bad Request", $"{Header} may be at most {MaxKeyLength} characters.").ExecuteAsync(context);
            return;
        }

        var ct = context.RequestAborted;
        context.Request.EnableBuffering();
        var hash = Convert.ToHexString(await SHA256.HashDataAsync(context.Request.Body, ct));
        context.Request.Body.Position = 0;

        var id = new KeyId(userId, context.Request.Path.Value ?? "", key);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await TryClaimAsync(id, hash, now, ct))
        {
            var stored = await FindAsync(id, ct);
            if (stored is null || stored.CreatedAt < now - Lifetime)
            {
                await ReleaseAsync(id, CancellationToken.None);
                if (!await TryClaimAsync(id, hash, now, ct))
                {
                    await Busy(context);
                    return;
                }
            }
            else
            {
                await ReplayAsync(context, stored, hash);
                return;
            }
        }

        await RunAndStoreAsync(context, id);
    }

    private async Task RunAndStoreAsync(HttpContext context, KeyId id)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var completed = false;
        try
        {
            await next(context);
            var status = context.Response.StatusCode;
            if (status is >= 200 and < 300)
            {
                await using var connection = await db.OpenAsync(CancellationToken.None);
                await connection.ExecuteAsync(new CommandDefinition(CompleteSql, new
                {
                    StatusCode = status,
                    context.Response.ContentType,
                    Location = context.Response.Headers.Location.ToString(),
                    ETag = context.Response.Headers.ETag.ToString(),
                    Body = buffer.ToArray(),
                    id.UserId,
                    id.Route,
                    id.Key,
                }));
                completed = true;
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!completed)
                await ReleaseAsync(id, CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private async Task<bool> TryClaimAsync(KeyId id, string hash, DateTime now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(PurgeSql, new { Cutoff = now - Lifetime }, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(ClaimSql, new
            {
                id.UserId,
                id.Route,
                id.Key,
                Hash = hash,
                Now = now,
            }, cancellationToken: ct));
            return true;
        }
        catch (Exception e) when (dialect.IsUniqueViolation(e))
        {
            logger.LogDebug("Idempotency key already claimed");
            return false;
        }
    }

    private async Task<StoredResponse?> FindAsync(KeyId id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredResponse>(new CommandDefinition(FindSql, id, cancellationToken: ct));
    }

    private async Task ReleaseAsync(KeyId id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ReleaseSql, id, cancellationToken: ct));
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored, string hash)
    {
        if (!string.Equals(stored.RequestHash, hash, StringComparison.Ordinal))
        {
            await Problems.Of(StatusCodes.Status422UnprocessableEntity, "Unprocessable Entity",
                $"This {Header} was already used with a different request body.").ExecuteAsync(context);
            return;
        }

        if (stored.StatusCode == Pending)
        {
            await Busy(context);
            return;
        }

        context.Response.StatusCode = stored.StatusCode;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (!string.IsNullOrEmpty(stored.ContentType))
            context.Response.ContentType = stored.ContentType;
        if (!string.IsNullOrEmpty(stored.Location))
            context.Response.Headers.Location = stored.Location;
        if (!string.IsNullOrEmpty(stored.ETag))
            context.Response.Headers.ETag = stored.ETag;
        if (stored.Body is { Length: > 0 })
            await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    private static Task Busy(HttpContext context) =>
        Problems.Of(StatusCodes.Status409Conflict, "Conflict",
            $"A request with this {Header} is still being processed; retry in a moment.").ExecuteAsync(context);

    private sealed record KeyId(Guid UserId, string Route, string Key);

    private sealed record StoredResponse
    {
        public string RequestHash { get; init; } = "";
        public int StatusCode { get; init; }
        public string? ContentType { get; init; }
        public string? Location { get; init; }
        public string? ETag { get; init; }
        public byte[]? Body { get; init; }
        public DateTime CreatedAt { get; init; }
    }
}
