namespace Matchmaker.Api.Features.Matching.Deals;

internal static class MatchStatus
{
    public const string Suggested = "suggested";
    public const string SmeInterested = "sme_interested";
    public const string PartnerInterested = "partner_interested";
    public const string Mutual = "mutual";
    public const string Meeting = "meeting";
    public const string Negotiation = "negotiation";
    public const string Agreement = "agreement";
    public const string Closed = "closed";
    public const string Declined = "declined";

    public static IReadOnlyList<string> All { get; } =
        [Suggested, SmeInterested, PartnerInterested, Mutual, Meeting, Negotiation, Agreement, Closed, Declined];

    /// <summary>The stages a deal moves through after both sides are interested, in order.</summary>
    public static IReadOnlyList<string> Stages { get; } = [Mutual, Meeting, Negotiation, Agreement, Closed];

    /// <summary><see cref="Stages"/> as an SQL list, for "mutual or further along" (a test holds the two equal).</summary>
    public const string StagesAsSqlList = "('mutual', 'meeting', 'negotiation', 'agreement', 'closed')";

    /// <summary>The stages <c>POST /matches/{id}/stage</c> may move to.</summary>
    public static IReadOnlyList<string> StageTargets { get; } = [Meeting, Negotiation, Agreement, Closed];
}

internal static class MatchAction
{
    public const string Interest = "interest";
    public const string Decline = "decline";
    public const string Stage = "stage";
}

internal static class MatchSide
{
    public const string Sme = "sme";
    public const string Partner = "partner";
}

internal enum TransitionKind
{
    Moved,
    Unchanged,
    Illegal,
}

/// <summary>What an action does to a match in status <see cref="From"/>; <see cref="Refusal"/> says why when it is illegal.</summary>
internal sealed record Transition(TransitionKind Kind, string From, string To, string? Refusal = null)
{
    public static Transition Move(string from, string to) => new(TransitionKind.Moved, from, to);

    public static Transition Stay(string status) => new(TransitionKind.Unchanged, status, status);

    public static Transition Refuse(string from, string action, string why) =>
        new(TransitionKind.Illegal, from, from, Messages.Get("Match.NotAllowed", from, action, why));
}

/// <summary>
/// The deal life cycle of a match (Features/Matching/README.md, "Deals"): both sides' interest makes it mutual, stages
/// only move forward from there, and either side may decline before an agreement.
/// </summary>
internal static class MatchStateMachine
{
    public static Transition Apply(string status, string action, string side, string? target = null) => action switch
    {
        MatchAction.Interest => Interest(status, side),
        MatchAction.Decline => Decline(status),
        MatchAction.Stage => Stage(status, target),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a match action."),
    };

    public static Transition Interest(string status, string side)
    {
        var own = side switch
        {
            MatchSide.Sme => MatchStatus.SmeInterested,
            MatchSide.Partner => MatchStatus.PartnerInterested,
            _ => throw new ArgumentOutOfRangeException(nameof(side), side, "Not a match side."),
        };
        return status switch
        {
            MatchStatus.Suggested => Transition.Move(status, own),
            MatchStatus.SmeInterested or MatchStatus.PartnerInterested when status == own => Transition.Stay(status),
            MatchStatus.SmeInterested or MatchStatus.PartnerInterested => Transition.Move(status, MatchStatus.Mutual),
            MatchStatus.Mutual or MatchStatus.Meeting or MatchStatus.Negotiation or MatchStatus.Agreement => Transition.Stay(status),
            MatchStatus.Declined => Transition.Refuse(status, MatchAction.Interest, Messages.Get("Match.WasDeclined")),
            MatchStatus.Closed => Transition.Refuse(status, MatchAction.Interest, Messages.Get("Match.DealClosed")),
            _ => throw Unknown(status),
        };
    }

    public static Transition Decline(string status) => status switch
    {
        MatchStatus.Suggested or MatchStatus.SmeInterested or MatchStatus.PartnerInterested
            or MatchStatus.Mutual or MatchStatus.Meeting or MatchStatus.Negotiation => Transition.Move(status, MatchStatus.Declined),
        MatchStatus.Agreement or MatchStatus.Closed => Transition.Refuse(status, MatchAction.Decline, Messages.Get("Match.DeclineBeforeAgreement")),
        MatchStatus.Declined => Transition.Refuse(status, MatchAction.Decline, Messages.Get("Match.AlreadyDeclined")),
        _ => throw Unknown(status),
    };

    public static Transition Stage(string status, string? target)
    {
        if (!MatchStatus.All.Contains(status))
            throw Unknown(status);
        var from = IndexOf(MatchStatus.Stages, status);
        if (from < 0 || status == MatchStatus.Closed)
        {
            var why = status switch
            {
                MatchStatus.Declined => Messages.Get("Match.WasDeclined"),
                MatchStatus.Closed => Messages.Get("Match.DealClosed"),
                _ => Messages.Get("Match.StagesAfterMutual"),
            };
            return Transition.Refuse(status, MatchAction.Stage, why);
        }

        if (target is null || !MatchStatus.StageTargets.Contains(target))
            return Transition.Refuse(status, MatchAction.Stage, Messages.Get("Match.NotAStage", target, string.Join(", ", MatchStatus.StageTargets)));
        return IndexOf(MatchStatus.Stages, target) > from
            ? Transition.Move(status, target)
            : Transition.Refuse(status, MatchAction.Stage, Messages.Get("Match.StagesForward", target, status));
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
                return i;
        }

        return -1;
    }

    private static ArgumentOutOfRangeException Unknown(string status) => new(nameof(status), status, "Not a match status.");
}
