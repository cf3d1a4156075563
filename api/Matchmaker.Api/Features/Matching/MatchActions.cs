using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Notifications;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Matching;

internal sealed record ActionOutcome(IResult? Problem, MatchResponse? Match, int Version);

/// <summary>
/// Runs one party's action on a match: who may act, what the state machine allows, and the write
/// (match row and event in one transaction, guarded by the version read).
/// </summary>
internal static class MatchActions
{
    private const int Attempts = 2;

    public static async Task<ActionOutcome> RunAsync(ConnectionFactory db, TimeProvider clock, Vetting vetting, MatchExplainer explainer, Notifier notifier, HttpContext http, Guid matchId,
        string action, Func<string, string, Transition> decide, string? note, string? reasonCode, CancellationToken ct)
    {
        var caller = http.User;
        await using var connection = await db.OpenAsync(ct);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var match = await MatchStore.FindAsync(connection, matchId, ct);
            if (match is null || !MatchAccess.MayRead(caller, match, vetting))
                return Refused(Problems.NotFound("Match"));
            if (MatchAccess.SideOf(caller, match, vetting) is not { } side)
                return Refused(Problems.Forbidden(Messages.Get("Match.OversightCannotAct")));

            var transition = decide(match.Status, side);
            if (transition.Kind == TransitionKind.Illegal)
                return Refused(Problems.Conflict(transition.Refusal!));
            var needStatus = NeedStatus.At(match.NeedStatus, match.NeedExpiresAt, clock.GetUtcNow().UtcDateTime);
            if (action == MatchAction.Interest && match.Status == MatchStatus.Suggested && needStatus != NeedStatus.Open)
                return Refused(Problems.Conflict(Messages.Get("Match.NeedNotOpen", match.Status, action, needStatus)));
            if (transition.Kind == TransitionKind.Unchanged)
                return await AnswerAsync(match);

            var now = clock.GetUtcNow().UtcDateTime;
            var change = new MatchEventRow
            {
                ActorId = caller.PublicId()!.Value,
                ActorRole = caller.Role() ?? side,
                Action = action,
                FromStatus = transition.From,
                ToStatus = transition.To,
                Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
                ReasonCode = reasonCode,
                At = now,
            };
            if (await MatchStore.TransitionAsync(connection, match, Changed(match, transition, action, side, now), change, notifier, ct))
                return await AnswerAsync((await MatchStore.FindAsync(connection, matchId, ct))!);
        }

        return Refused(Problems.Conflict(Messages.Get("Match.ChangedDuringAction")));

        async Task<ActionOutcome> AnswerAsync(MatchRow match)
        {
            var events = await MatchStore.EventsAsync(connection, match.Id, ct);
            var outcomes = await Outcomes.OutcomeStore.ForMatchAsync(connection, match.Id, ct);
            return new ActionOutcome(null, MatchResponse.From(match, MatchAccess.SeesContacts(caller, match, vetting), await explainer.ForAsync(connection, match, caller, ct),
                clock.GetUtcNow().UtcDateTime, events, outcomes), match.Version);
        }
    }

    private static MatchRow Changed(MatchRow match, Transition transition, string action, string side, DateTime now) => match with
    {
        Status = transition.To,
        SmeInterestedAt = action == MatchAction.Interest && side == MatchSide.Sme ? match.SmeInterestedAt ?? now : match.SmeInterestedAt,
        PartnerInterestedAt = action == MatchAction.Interest && side == MatchSide.Partner ? match.PartnerInterestedAt ?? now : match.PartnerInterestedAt,
        MutualAt = transition.To == MatchStatus.Mutual ? match.MutualAt ?? now : match.MutualAt,
    };

    private static ActionOutcome Refused(IResult problem) => new(problem, null, 0);

    /// <summary>Answers with the refusal, or with the match and its ETag.</summary>
    public static Task OutcomeAsync(this IResponseSender send, ActionOutcome outcome, CancellationToken ct)
    {
        var response = send.HttpContext.Response;
        if (outcome.Problem is not null)
            return response.SendResultAsync(outcome.Problem);
        ETags.Set(response, outcome.Version);
        return response.SendOkAsync(outcome.Match!, cancellation: ct);
    }
}
