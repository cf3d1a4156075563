using System.Text.Json;
using System.Text.Json.Serialization;

namespace Matchmaker.Api.Features.Notifications;

internal sealed record NotificationRow
{
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public string Kind { get; init; } = "";
    public Guid? MatchPublicId { get; init; }
    public Guid? NeedPublicId { get; init; }
    public Guid? PartnerPublicId { get; init; }
    public string Data { get; init; } = "{}";
    public DateTime CreatedAt { get; init; }
    public DateTime? ReadAt { get; init; }
}

/// <summary>
/// Every account's inbox. Whatever tells someone something writes here, inside the transaction of the
/// change it reports, so that neither is stored without the other.
/// </summary>
internal static class NotificationStore
{
    private static readonly JsonSerializerOptions FactsJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    // Inactive accounts are told nothing: the INSERT finds no active recipient and writes no row.
    private const string InsertSql = """
        INSERT INTO notifications (public_id, user_id, kind, match_public_id, need_public_id, partner_public_id, data, created_at)
        SELECT @PublicId, u.id, @Kind, @MatchId, @NeedId, @PartnerId, @Data, @At
        FROM users u
        WHERE u.public_id = @Recipient AND u.is_active = 1
        """;

    private static readonly string ListSql = $"""
        SELECT /**top**/ n.id AS Id, n.public_id AS PublicId, n.kind AS Kind, n.match_public_id AS MatchPublicId,
               n.need_public_id AS NeedPublicId, n.partner_public_id AS PartnerPublicId, n.data AS Data,
               n.created_at AS CreatedAt, n.read_at AS ReadAt
        FROM notifications n
        WHERE n.user_id = (SELECT u.id FROM users u WHERE u.public_id = @Caller)
          AND (@Unread IS NULL OR (@Unread = 1 AND n.read_at IS NULL) OR (@Unread = 0 AND n.read_at IS NOT NULL))
          AND {NewestFirst.After("n")}
        {NewestFirst.Order("n")}
        /**limit**/
        """;

    private const string MarkIdsReadSql = """
        UPDATE notifications SET read_at = @At
        WHERE read_at IS NULL AND user_id = (SELECT u.id FROM users u WHERE u.public_id = @Caller) AND public_id = @Id
        """;

    // "That item and every older one": older in the inbox's own order, newest first.
    private const string MarkUpToReadSql = """
        UPDATE notifications SET read_at = @At
        WHERE read_at IS NULL AND user_id = (SELECT u.id FROM users u WHERE u.public_id = @Caller)
          AND EXISTS (SELECT 1 FROM notifications upto
                      WHERE upto.public_id = @UpTo AND upto.user_id = notifications.user_id
                        AND (notifications.created_at < upto.created_at
                             OR (notifications.created_at = upto.created_at AND notifications.id <= upto.id)))
        """;

    /// <returns>The ids of the items; an inactive recipient's is written nowhere.</returns>
    public static async Task<IReadOnlyList<Guid>> RecordAsync(DbConnection c, DbTransaction tx, IEnumerable<Notice> notices, DateTime at, CancellationToken ct)
    {
        var rows = notices.Select(n => new
        {
            PublicId = Guid.CreateVersion7(at),
            n.Recipient,
            n.Kind,
            n.MatchId,
            n.NeedId,
            n.PartnerId,
            Data = JsonSerializer.Serialize(n.Facts, FactsJson),
            At = at,
        }).ToList();
        if (rows.Count > 0)
            await c.ExecuteAsync(new CommandDefinition(InsertSql, rows, tx, cancellationToken: ct));
        return [.. rows.Select(r => r.PublicId)];
    }

    public static async Task<IReadOnlyList<NotificationRow>> ListAsync(DbConnection c, SqlDialect dialect, Guid caller, bool? unread,
        DateTime? afterCreatedAt, long? afterId, int take, CancellationToken ct) =>
        (await c.QueryAsync<NotificationRow>(new CommandDefinition(dialect.Render(ListSql), new
        {
            Caller = caller,
            Unread = unread,
            AfterCreatedAt = afterCreatedAt,
            AfterId = afterId,
            Take = take,
        }, cancellationToken: ct))).ToList();

    public static Task MarkReadAsync(DbConnection c, Guid caller, IReadOnlyCollection<Guid> ids, DateTime at, CancellationToken ct) =>
        ids.Count == 0 ? Task.CompletedTask : c.ExecuteAsync(new CommandDefinition(MarkIdsReadSql, ids.Distinct().Select(id => new { Caller = caller, Id = id, At = at }).ToList(), cancellationToken: ct));

    public static Task MarkReadUpToAsync(DbConnection c, Guid caller, Guid upTo, DateTime at, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(MarkUpToReadSql, new { Caller = caller, UpTo = upTo, At = at }, cancellationToken: ct));

    public static NoticeFacts ReadFacts(string json) => JsonSerializer.Deserialize<NoticeFacts>(json, FactsJson) ?? new NoticeFacts();
}
