using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// <c>Idempotency-Key</c> on a create: the first request claims the key, later ones with the same key,
/// caller and target get the stored answer for 24 hours (422 if the body means something else). The
/// target is the route pattern with its values normalised, so <c>/SMES/{ID}/needs/</c> and
/// <c>/smes/{id}/needs</c> are one; bodies compare as <see cref="CanonicalJson"/>. Stored answers are
/// encrypted with Data Protection: a create may answer with a secret shown once.
/// </summary>
internal sealed class Idempotency(
    RequestDelegate next, ConnectionFactory db, SqlDialect dialect, TimeProvider clock, IDataProtectionProvider protection, ILogger<Idempotency> logger)
{
    public const string Header = "Idempotency-Key";

    /// <summary>What a client reads in the OpenAPI document; <see cref="Honours"/> is the rule it states.</summary>
    public const string Description = "Honoured on the POSTs that create a record (those answering 201) for a signed-in caller, and ignored elsewhere, so no other answer (a token above all) is ever stored. Any unique string (a UUID is fine): a retried request with the same key, from the same caller to the same route and record within 24 hours, gets the first answer again and changes nothing. Bodies compare as JSON (property order and whitespace do not count); the same key with another body → 422.";

    private const int MaxKeyLength = 200;
    private const int MaxScopeLength = 400;
    private const int Pending = 0;
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly IDataProtector answers = protection.CreateProtector("Matchmaker.Idempotency.v1");

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
        if (key.Length == 0 || context.User.PublicId() is not { } userId || !Honours(context))
        {
            await next(context);
            return;
        }

        if (key.Length > MaxKeyLength)
        {
            await Problems.Of(400, Messages.Get("Idempotency.KeyLength", Header, MaxKeyLength)).ExecuteAsync(context);
            return;
        }

        var ct = context.RequestAborted;
        var hash = await BodyHashAsync(context.Request, ct);
        var id = new KeyId(userId, Scope(context), key);
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

    /// <summary>A POST to an endpoint that answers 201 and is not open to anonymous callers (so never <c>/auth/*</c>).</summary>
    internal static bool Honours(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint() is RouteEndpoint endpoint
        && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
        && endpoint.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == StatusCodes.Status201Created);

    /// <summary>The route pattern and its values, each id in one spelling; hashed where a value makes it too long to store.</summary>
    internal static string Scope(HttpContext context)
    {
        var pattern = ((RouteEndpoint)context.GetEndpoint()!).RoutePattern;
        var values = pattern.Parameters
            .Select(p => (Name: p.Name.ToLowerInvariant(), Value: Normalized(context.Request.RouteValues[p.Name])))
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .Select(v => $"{v.Name}={v.Value}");
        var scope = $"{pattern.RawText}?{string.Join('&', values)}";
        return scope.Length <= MaxScopeLength
            ? scope
            : $"{pattern.RawText}#{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))}";
    }

    private static string Normalized(object? value) => value switch
    {
        null => "",
        Guid id => id.ToString("D"),
        string text when Guid.TryParse(text, out var id) => id.ToString("D"),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static async Task<string> BodyHashAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        request.Body.Position = 0;
        return Convert.ToHexString(SHA256.HashData(CanonicalJson.Of(body.GetBuffer().AsMemory(0, (int)body.Length))));
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
                    Body = answers.Protect(buffer.ToArray()),
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

    private async Task ReplayAsync(HttpContext context, StoredResponse stored, string hash)
    {
        if (!string.Equals(stored.RequestHash, hash, StringComparison.Ordinal))
        {
            await Problems.Of(StatusCodes.Status422UnprocessableEntity, Messages.Get("Idempotency.OtherBody", Header)).ExecuteAsync(context);
            return;
        }

        if (stored.StatusCode == Pending)
        {
            await Busy(context);
            return;
        }

        byte[] body;
        try
        {
            body = stored.Body is { Length: > 0 } sealedBody ? answers.Unprotect(sealedBody) : [];
        }
        catch (CryptographicException)
        {
            logger.LogWarning("A stored idempotent answer could not be decrypted; the request is refused rather than run twice");
            await Problems.Of(StatusCodes.Status409Conflict, Messages.Get("Idempotency.Unreplayable", Header)).ExecuteAsync(context);
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
        if (body.Length > 0)
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static Task Busy(HttpContext context) =>
        Problems.Of(StatusCodes.Status409Conflict, Messages.Get("Idempotency.Busy", Header)).ExecuteAsync(context);

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
