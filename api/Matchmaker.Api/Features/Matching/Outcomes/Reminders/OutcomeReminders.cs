using Matchmaker.Api.Features.Notifications;
using Matchmaker.Api.Features.Verification;
using Matchmaker.Api.Features.Webhooks;

namespace Matchmaker.Api.Features.Matching.Outcomes.Reminders;

/// <summary>
/// Asks the two parties of a deal for its outcome at each <c>Outcomes:FollowUpMonths</c> after its agreement
/// (<c>outcome_due</c> in the inbox and by e-mail, <c>outcome.due</c> to subscribers), unless an outcome was
/// recorded since the previous due date. Each step is handled once: its row in <c>outcome_reminders</c> is
/// written in the transaction that tells the parties. When several steps fell due while nothing swept (a
/// stopped service, an imported deal), only the latest is sent; the earlier ones are kept as skipped. A deal
/// neither party may see (<see cref="Vetting"/>: one profile is waiting for an agency) waits, and is asked once both are verified.
/// </summary>
internal sealed class OutcomeReminders(ConnectionFactory db, Notifier notifier, OutcomeOptions options, Vetting vetting, TimeProvider clock)
{
    internal sealed record Candidate
    {
        public long MatchId { get; init; }
        public Guid MatchPublicId { get; init; }
        public string Status { get; init; } = "";
        public decimal Score { get; init; }
        public DateTime AgreedAt { get; init; }
        public int Handled { get; init; }
        public DateTime? LastOutcomeAt { get; init; }
        public Guid NeedPublicId { get; init; }
        public string NeedTitle { get; init; } = "";
        public Guid SmePublicId { get; init; }
        public string SmeName { get; init; } = "";
        public Guid SmeOwnerId { get; init; }
        public Guid PartnerPublicId { get; init; }
        public string PartnerName { get; init; } = "";
        public Guid PartnerOwnerId { get; init; }
    }

    private static readonly string CandidatesSql = """
        SELECT m.id AS MatchId, m.public_id AS MatchPublicId, m.status AS Status, COALESCE(s.score, 0) AS Score, a.agreed_at AS AgreedAt,
               COALESCE(h.handled, 0) AS Handled,
               (SELECT MAX(o.recorded_at) FROM match_outcomes o WHERE o.match_id = m.id) AS LastOutcomeAt,
               n.public_id AS NeedPublicId, n.title AS NeedTitle, sm.public_id AS SmePublicId, sm.name AS SmeName, su.public_id AS SmeOwnerId,
               p.public_id AS PartnerPublicId, p.name AS PartnerName, pu.public_id AS PartnerOwnerId
        FROM matches m
        JOIN (SELECT e.match_id AS match_id, MIN(e.created_at) AS agreed_at FROM match_events e
              WHERE e.to_status IN ('agreement', 'closed') GROUP BY e.match_id) a ON a.match_id = m.id
        JOIN needs n ON n.id = m.need_id
        JOIN smes sm ON sm.id = n.sme_id
        JOIN users su ON su.id = sm.owner_user_id
        JOIN partners p ON p.id = m.partner_id
        JOIN users pu ON pu.id = p.owner_user_id
        LEFT JOIN (SELECT r.match_id AS match_id, MAX(r.step) AS handled FROM outcome_reminders r GROUP BY r.match_id) h ON h.match_id = m.id
        LEFT JOIN match_scores s ON s.match_id = m.id AND s.criteria_version = (
        """ + Scoring.ProfileStore.ActiveVersionSql + """
        )
        WHERE m.status IN ('agreement', 'closed') AND a.agreed_at <= @DueBy
          AND COALESCE(h.handled, 0) < @Steps
          AND
        """ + VettingSql.Listed("sm") + " AND " + VettingSql.Listed("p");

    private const string HandleSql = """
        INSERT INTO outcome_reminders (match_id, step, due_at, status, handled_at)
        SELECT @MatchId, @Step, @DueAt, @Status, @Now
        WHERE NOT EXISTS (SELECT 1 FROM outcome_reminders r WHERE r.match_id = @MatchId AND r.step = @Step)
        """;

    /// <summary>One pass: returns how many parties' reminders were sent (two per deal).</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        var candidates = (await connection.QueryAsync<Candidate>(new CommandDefinition(CandidatesSql,
            new { DueBy = now.AddMonths(-options.FollowUpMonths[0]), Steps = options.FollowUpMonths.Count, ListedOnly = vetting.Required }, cancellationToken: ct))).ToList();
        var sent = 0;
        foreach (var deal in candidates)
        {
            var due = Enumerable.Range(deal.Handled + 1, options.FollowUpMonths.Count - deal.Handled).Where(step => options.DueAt(deal.AgreedAt, step) <= now).ToList();
            if (due.Count == 0)
                continue;
            await using var tx = await connection.BeginTransactionAsync(ct);
            var latest = due[^1];
            var answered = deal.LastOutcomeAt >= options.DueAt(deal.AgreedAt, latest - 1);
            var claimed = true;
            foreach (var step in due)
            {
                var status = step == latest && !answered ? "sent" : "skipped";
                claimed &= await connection.ExecuteAsync(new CommandDefinition(HandleSql, new
                {
                    deal.MatchId,
                    Step = step,
                    DueAt = options.DueAt(deal.AgreedAt, step),
                    Status = status,
                    Now = now,
                }, tx, cancellationToken: ct)) == 1;
            }

            if (claimed && !answered)
            {
                await notifier.RecordAsync(connection, tx, [Notice(deal, deal.SmeOwnerId, deal.PartnerName), Notice(deal, deal.PartnerOwnerId, deal.SmeName)], now, ct);
                await notifier.PublishAsync(connection, tx, [EventsOf.OutcomeDue(deal.MatchPublicId, deal.NeedPublicId, deal.PartnerPublicId, deal.SmePublicId,
                    deal.Status, deal.Score, latest, [deal.SmeOwnerId, deal.PartnerOwnerId], now)], now, ct);
                sent += 2;
            }

            if (claimed)
                await tx.CommitAsync(ct);
            else
                await tx.RollbackAsync(ct);
        }

        return sent;
    }

    private static Notice Notice(Candidate deal, Guid recipient, string other) =>
        new(recipient, NotificationKind.OutcomeDue, deal.MatchPublicId, deal.NeedPublicId, deal.PartnerPublicId, new NoticeFacts
        {
            NeedTitle = deal.NeedTitle,
            Other = other,
            Status = deal.Status,
        });
}
