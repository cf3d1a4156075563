using System.Security.Claims;
using System.Text.Json;

namespace Matchmaker.Api.Features.Audit;

/// <summary>Who did it: a signed-in account with its role, or the system itself (no account, role <c>system</c>).</summary>
internal sealed record AuditActor(Guid? Id, string Role)
{
    public const string SystemRole = "system";

    public static AuditActor System { get; } = new(null, SystemRole);

    public static AuditActor Of(ClaimsPrincipal caller) => new(caller.PublicId(), caller.Role() ?? SystemRole);
}

/// <param name="Detail">An object, serialised as it is: from/to values, versions, counts.</param>
internal sealed record AuditEntry(AuditActor Actor, string Action, string TargetType, string? TargetId, object Detail);

internal sealed record AuditRow
{
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public DateTime CreatedAt { get; init; }
    public Guid? ActorId { get; init; }
    public string ActorRole { get; init; } = "";
    public string Action { get; init; } = "";
    public string TargetType { get; init; } = "";
    public string? TargetId { get; init; }
    public string Detail { get; init; } = "{}";
}

internal sealed record AuditFilter(Guid? Actor, string? Action, string? TargetType, DateTime? From, DateTime? To);

/// <summary>
/// The append-only audit log. Every writer appends inside the transaction of the change it records, so
/// neither can be stored without the other; the database refuses to update or delete an entry.
/// </summary>
internal static class AuditLog
{
    private static readonly JsonSerializerOptions DetailJson = new(JsonSerializerDefaults.Web);

    private const string InsertSql = """
        INSERT INTO audit_log (public_id, created_at, actor_id, actor_role, action, target_type, target_id, detail)
        VALUES (@PublicId, @At, @ActorId, @ActorRole, @Action, @TargetType, @TargetId, @Detail)
        """;

    private static readonly string ListSql = $"""
        SELECT /**top**/ id AS Id, public_id AS PublicId, created_at AS CreatedAt, actor_id AS ActorId, actor_role AS ActorRole,
               action AS Action, target_type AS TargetType, target_id AS TargetId, detail AS Detail
        FROM audit_log
        WHERE {NewestFirst.After("audit_log")}
          AND (@Actor IS NULL OR actor_id = @Actor) AND (@Action IS NULL OR action = @Action)
          AND (@TargetType IS NULL OR target_type = @TargetType)
          AND (@From IS NULL OR created_at >= @From) AND (@To IS NULL OR created_at < @To)
        {NewestFirst.Order("audit_log")}
        /**limit**/
        """;

    public static Task AppendAsync(DbConnection connection, DbTransaction tx, AuditEntry entry, DateTime at, CancellationToken ct) =>
        AppendAsync(connection, tx, [entry], at, ct);

    public static Task AppendAsync(DbConnection connection, DbTransaction tx, IEnumerable<AuditEntry> entries, DateTime at, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, entries.Select(e => new
        {
            PublicId = Guid.NewGuid(),
            At = at,
            ActorId = e.Actor.Id,
            ActorRole = e.Actor.Role,
            e.Action,
            e.TargetType,
            e.TargetId,
            Detail = JsonSerializer.Serialize(e.Detail, DetailJson),
        }).ToList(), tx, cancellationToken: ct));

    public static async Task<IReadOnlyList<AuditRow>> ListAsync(DbConnection connection, SqlDialect dialect, AuditFilter filter,
        DateTime? afterCreatedAt, long? afterId, int take, CancellationToken ct) =>
        (await connection.QueryAsync<AuditRow>(new CommandDefinition(dialect.Render(ListSql), new
        {
            AfterCreatedAt = afterCreatedAt,
            AfterId = afterId,
            filter.Actor,
            filter.Action,
            filter.TargetType,
            filter.From,
            filter.To,
            Take = take,
        }, cancellationToken: ct))).ToList();

    public static Dictionary<string, object?> ReadDetail(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, object?>>(json, DetailJson) ?? [];
}
