using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Webhooks;

internal sealed record WebhookRow
{
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public long OwnerUserId { get; init; }
    public string Url { get; init; } = "";
    public string Events { get; init; } = "[]";
    public string? Description { get; init; }
    public string Secret { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public int Version { get; init; }
}

/// <summary>What a client says a subscription is; the server adds the id, owner, secret and timestamps.</summary>
internal sealed record WebhookFields(string Url, IReadOnlyList<string> Events, string? Description)
{
    public static WebhookFields From(WebhookRequest req) =>
        new(req.Url!.Trim(), req.Events!, string.IsNullOrWhiteSpace(req.Description) ? null : req.Description.Trim());
}

/// <summary>The home of webhook subscriptions: their columns, the row they read into, and every read and write of <c>webhooks</c>.</summary>
internal static class WebhookStore
{
    private const string SelectColumns = """
        w.id AS Id, w.public_id AS PublicId, w.owner_user_id AS OwnerUserId, w.url AS Url, w.events AS Events,
        w.description AS Description, w.secret AS Secret, w.created_at AS CreatedAt, w.updated_at AS UpdatedAt, w.version AS Version
        """;

    // Owners are named by their account id, so a handler reaches its caller's subscriptions in one query.
    private const string FindOwnedSql = "SELECT " + SelectColumns + """

         FROM webhooks w JOIN users u ON u.id = w.owner_user_id
        WHERE w.public_id = @Id AND u.public_id = @Owner
        """;

    private static readonly string ListOwnedSql = "SELECT /**top**/ " + SelectColumns + $"""
         FROM webhooks w JOIN users u ON u.id = w.owner_user_id
        WHERE u.public_id = @Owner AND {NewestFirst.After("w")}
        {NewestFirst.Order("w")}
        /**limit**/
        """;

    private const string InsertSql = """
        INSERT INTO webhooks (public_id, owner_user_id, url, events, description, secret, created_at, updated_at, version)
        VALUES (@PublicId, @OwnerUserId, @Url, @Events, @Description, @Secret, @Now, @Now, 1)
        """;

    private const string UpdateSql = """
        UPDATE webhooks
        SET url = @Url, events = @Events, description = @Description, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    private const string RotateSecretSql = "UPDATE webhooks SET secret = @Secret, updated_at = @Now, version = version + 1 WHERE id = @Id";

    private const string DeleteSql = "DELETE FROM webhooks WHERE id = @Id";

    /// <summary>The subscription with this id if <paramref name="ownerUserId"/> owns it: nobody else, admin included, sees it.</summary>
    /// <summary>The subscription if <paramref name="owner"/> (an account id) owns it.</summary>
    public static Task<WebhookRow?> FindOwnedAsync(DbConnection connection, Guid id, Guid owner, CancellationToken ct, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<WebhookRow>(new CommandDefinition(FindOwnedSql, new { Id = id, Owner = owner }, tx, cancellationToken: ct));

    public static async Task<IReadOnlyList<WebhookRow>> ListOwnedAsync(DbConnection connection, SqlDialect dialect, Guid owner,
        DateTime? afterCreatedAt, long? afterId, int take, CancellationToken ct) =>
        (await connection.QueryAsync<WebhookRow>(new CommandDefinition(dialect.Render(ListOwnedSql), new
        {
            Owner = owner,
            AfterCreatedAt = afterCreatedAt,
            AfterId = afterId,
            Take = take,
        }, cancellationToken: ct))).ToList();

    public static Task InsertAsync(DbConnection connection, DbTransaction tx, Guid publicId, long ownerUserId, WebhookFields fields, string secret, DateTime now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            PublicId = publicId,
            OwnerUserId = ownerUserId,
            fields.Url,
            Events = JsonList.Write(fields.Events),
            fields.Description,
            Secret = secret,
            Now = now,
        }, tx, cancellationToken: ct));

    /// <summary>Replaces a subscription read at <paramref name="version"/>; false when it changed since.</summary>
    public static async Task<bool> UpdateAsync(DbConnection connection, DbTransaction tx, long id, int version, WebhookFields fields, DateTime now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(UpdateSql, new
        {
            Id = id,
            Version = version,
            fields.Url,
            Events = JsonList.Write(fields.Events),
            fields.Description,
            Now = now,
        }, tx, cancellationToken: ct)) == 1;

    public static Task RotateSecretAsync(DbConnection connection, DbTransaction tx, long id, string secret, DateTime now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(RotateSecretSql, new { Id = id, Secret = secret, Now = now }, tx, cancellationToken: ct));

    public static Task DeleteAsync(DbConnection connection, DbTransaction tx, long id, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { Id = id }, tx, cancellationToken: ct));
}
