using Matchmaker.Api.Features.Audit;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Notifications;

namespace Matchmaker.Api.Features.Matching;

internal sealed record MatchRow
{
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public string Status { get; init; } = "";
    public DateTime? SmeInterestedAt { get; init; }
    public DateTime? PartnerInterestedAt { get; init; }
    public DateTime? MutualAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public int Version { get; init; }
    public decimal Score { get; init; }
    public int CriteriaVersion { get; init; }
    public long NeedId { get; init; }
    public long PartnerId { get; init; }
    public Guid NeedPublicId { get; init; }
    public string NeedTitle { get; init; } = "";
    public string NeedStatus { get; init; } = "";
    public DateTime? NeedExpiresAt { get; init; }
    public decimal AmountUsd { get; init; }
    public Guid SmePublicId { get; init; }
    public Guid SmeOwnerId { get; init; }
    public string SmeName { get; init; } = "";
    public string Region { get; init; } = "";
    public string SmeContactPerson { get; init; } = "";
    public string SmeContactEmail { get; init; } = "";
    public string? SmeContactPhone { get; init; }
    public Guid PartnerPublicId { get; init; }
    public Guid PartnerOwnerId { get; init; }
    public string PartnerName { get; init; } = "";
    public string? PartnerNameZh { get; init; }
    public string PartnerCity { get; init; } = "";
    public string PartnerContactPerson { get; init; } = "";
    public string PartnerContactEmail { get; init; } = "";
    public string? PartnerContactPhone { get; init; }
    public string SmeVerification { get; init; } = "";
    public string PartnerVerification { get; init; } = "";
}

internal sealed record ScoredMatch
{
    public long MatchId { get; init; }
    public long NeedId { get; init; }
    public long PartnerId { get; init; }
    public decimal Score { get; init; }
}

internal sealed record MatchEventRow
{
    public Guid ActorId { get; init; }
    public string ActorRole { get; init; } = "";
    public string Action { get; init; } = "";
    public string FromStatus { get; init; } = "";
    public string ToStatus { get; init; } = "";
    public string? Note { get; init; }
    public string? ReasonCode { get; init; }
    public DateTime At { get; init; }
}

/// <summary>Reads and writes of matches shared by the match use cases. Readers see the score of the active criteria version.</summary>
internal static partial class MatchStore
{
    public const string SelectColumns = """
        m.id AS Id, m.public_id AS PublicId, m.status AS Status, m.sme_interested_at AS SmeInterestedAt,
        m.partner_interested_at AS PartnerInterestedAt, m.mutual_at AS MutualAt, m.created_at AS CreatedAt,
        m.updated_at AS UpdatedAt, m.version AS Version, ms.score AS Score, ms.criteria_version AS CriteriaVersion,
        m.need_id AS NeedId, m.partner_id AS PartnerId, n.public_id AS NeedPublicId, n.title AS NeedTitle, n.status AS NeedStatus, n.expires_at AS NeedExpiresAt,
        n.amount_usd AS AmountUsd, s.public_id AS SmePublicId, su.public_id AS SmeOwnerId, s.name AS SmeName,
        s.region_code AS Region, s.contact_person AS SmeContactPerson, s.contact_email AS SmeContactEmail,
        s.contact_phone AS SmeContactPhone, p.public_id AS PartnerPublicId, pu.public_id AS PartnerOwnerId,
        p.name AS PartnerName, p.name_zh AS PartnerNameZh, p.city_code AS PartnerCity,
        p.contact_person AS PartnerContactPerson, p.contact_email AS PartnerContactEmail, p.contact_phone AS PartnerContactPhone,
        s.verification AS SmeVerification, p.verification AS PartnerVerification
        """;

    /// <summary>The score of the active criteria version; a match without one is in no list.</summary>
    public const string ActiveScore = """
        JOIN match_scores ms ON ms.match_id = m.id AND ms.criteria_version = (
        """ + ProfileStore.ActiveVersionSql + """
        )

        """;

    private const string Parties = """
        JOIN needs n ON n.id = m.need_id
        JOIN smes s ON s.id = n.sme_id
        JOIN users su ON su.id = s.owner_user_id
        JOIN partners p ON p.id = m.partner_id
        JOIN users pu ON pu.id = p.owner_user_id

        """;

    public const string From = " FROM matches m\n" + ActiveScore + Parties;

    /// <summary>
    /// A page of a list: <paramref name="pageFilter"/> is the FROM … WHERE over <c>m</c> and <c>ms</c> (joining
    /// what it filters by) that picks the page's matches in list order; only those rows are then joined
    /// to their needs, SMEs and partners, so a page costs the same however many matches its owner has.
    /// </summary>
    public const string PageSelect = "SELECT " + SelectColumns + " FROM (SELECT /**top**/ m.id AS PageMatchId ";

    public const string PageDetails = "/**limit**/) page\nJOIN matches m ON m.id = page.PageMatchId\n" + ActiveScore + Parties;

    /// <summary>
    /// Keyset over (score descending, creation time ascending, id ascending), the order of every match
    /// list: equal scores are common, and ids alone need not follow creation times (imports, re-scores).
    /// </summary>
    public const string AfterCondition = """
        (@AfterScore IS NULL OR ms.score < @AfterScore OR (ms.score = @AfterScore AND (m.created_at > @AfterCreatedAt
            OR (m.created_at = @AfterCreatedAt AND m.id > @AfterId))))
        """;

    public const string Order = " ORDER BY ms.score DESC, m.created_at ASC, m.id ASC ";

    /// <summary>
    /// A list's statuses (<see cref="MatchListQuery.Statuses"/>), every one when it has no filter. The owner's
    /// matches are then sought per status through IX_matches_need_status or IX_matches_partner_id, which
    /// lead with (owner, status), so a list of the few pairs someone acted on reads no suggestion.
    /// </summary>
    public const string StatusCondition = "\n  AND m.status IN @Statuses";

    public const string OrderDescription = "Ordered by score descending; equal scores oldest first (`createdAt` ascending), and matches created in the same instant in the order they were stored";

    private const string FindSql = "SELECT " + SelectColumns + From + "WHERE m.public_id = @Id";

    private const string EventsSql = """
        SELECT actor_id AS ActorId, actor_role AS ActorRole, action AS Action, from_status AS FromStatus,
               to_status AS ToStatus, note AS Note, reason_code AS ReasonCode, created_at AS At
        FROM match_events WHERE match_id = @MatchId ORDER BY id
        """;

    // A re-score may drop a suggestion between the read and this write while a job keeps its row for
    // the version it builds; such a match is no longer one under the active criteria and takes no step.
    private const string UpdateSql = """
        UPDATE matches
        SET status = @Status, sme_interested_at = @SmeInterestedAt, partner_interested_at = @PartnerInterestedAt,
            mutual_at = @MutualAt, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
          AND EXISTS (SELECT 1 FROM match_scores s WHERE s.match_id = matches.id AND s.criteria_version = (
        """ + ProfileStore.ActiveVersionSql + """
        ))
        """;

    private const string InsertEventSql = """
        INSERT INTO match_events (match_id, actor_id, actor_role, action, from_status, to_status, note, reason_code, created_at)
        VALUES (@MatchId, @ActorId, @ActorRole, @Action, @FromStatus, @ToStatus, @Note, @ReasonCode, @Now)
        """;

    private const string ScoredSql = """
        SELECT m.id AS MatchId, m.need_id AS NeedId, m.partner_id AS PartnerId, ms.score AS Score
        FROM matches m

        """ + ActiveScore;

    // A match "has been mutual" once mutual_at is set; a later decline keeps it, so contacts stay exchanged.
    private const string MutualSql = """
        SELECT CASE WHEN EXISTS (
            SELECT 1 FROM matches m JOIN needs n ON n.id = m.need_id
            WHERE n.sme_id = @SmeId AND m.partner_id = @PartnerId AND m.mutual_at IS NOT NULL
        ) THEN 1 ELSE 0 END
        """;

    public static Task<MatchRow?> FindAsync(DbConnection connection, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<MatchRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));

    /// <summary>Whether a match between one of the SME's needs and the partner has been mutual.</summary>
    public static Task<bool> MutualAsync(DbConnection connection, long smeId, long partnerId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(MutualSql, new { SmeId = smeId, PartnerId = partnerId }, cancellationToken: ct));

    public static async Task<IReadOnlyList<MatchEventRow>> EventsAsync(DbConnection connection, long matchId, CancellationToken ct) =>
        (await connection.QueryAsync<MatchEventRow>(new CommandDefinition(EventsSql, new { MatchId = matchId }, cancellationToken: ct))).ToList();

    /// <summary>Moves the match from the version it was read at; false when someone else changed it first or a re-score dropped it.</summary>
    public static async Task<bool> TransitionAsync(DbConnection connection, MatchRow match, MatchRow changed, MatchEventRow change, Notifier notifier, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        var updated = await connection.ExecuteAsync(new CommandDefinition(UpdateSql, new
        {
            changed.Status,
            changed.SmeInterestedAt,
            changed.PartnerInterestedAt,
            changed.MutualAt,
            Now = change.At,
            match.Id,
            match.Version,
        }, tx, cancellationToken: ct));
        if (updated == 0)
            return false;

        await InsertEventsAsync(connection, tx, [(match.Id, change)], ct);
        await AuditLog.AppendAsync(connection, tx, new AuditEntry(new AuditActor(change.ActorId, change.ActorRole), AuditAction.MatchTransition,
            AuditTarget.Match, match.PublicId.ToString(), new { action = change.Action, from = change.FromStatus, to = change.ToStatus }), change.At, ct);
        await notifier.RecordAsync(connection, tx, MatchNotices.Of(match, change), change.At, ct);
        await notifier.PublishAsync(connection, tx, Webhooks.EventsOf.Transition(match, change), change.At, ct);
        await RescoreBacklog.NoteNeedOfMatchAsync(connection, tx, match.Id, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public static Task InsertEventsAsync(DbConnection connection, DbTransaction tx, IEnumerable<(long MatchId, MatchEventRow Event)> events, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(InsertEventSql, events.Select(e => new
        {
            e.MatchId,
            e.Event.ActorId,
            e.Event.ActorRole,
            e.Event.Action,
            e.Event.FromStatus,
            e.Event.ToStatus,
            e.Event.Note,
            e.Event.ReasonCode,
            Now = e.Event.At,
        }).ToList(), tx, cancellationToken: ct));

    /// <summary>Every stored match with its score under the active criteria version.</summary>
    public static async Task<IReadOnlyList<ScoredMatch>> ScoredAsync(DbConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<ScoredMatch>(new CommandDefinition(ScoredSql, cancellationToken: ct))).ToList();
}
