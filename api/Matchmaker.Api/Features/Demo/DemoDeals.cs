using Matchmaker.Api.Features.Matching;
using Matchmaker.Api.Features.Matching.Deals;

namespace Matchmaker.Api.Features.Demo;

/// <summary>A match the full re-score wrote, with what the demo needs to know to play a deal on it.</summary>
internal sealed record DealCandidate(
    long MatchId, long NeedId, int SmeIndex, int PartnerIndex, decimal Score,
    DateTime NeedCreatedAt, DateTime PartnerCreatedAt, Guid SmeActor, Guid PartnerActor);

/// <summary>Where a match ends up: its row as <see cref="Matching.MatchActions"/> would have left it, and the events that got it there.</summary>
internal sealed record DealState(
    long MatchId, string Status, DateTime? SmeInterestedAt, DateTime? PartnerInterestedAt, DateTime? MutualAt,
    DateTime CreatedAt, DateTime UpdatedAt, int Version, IReadOnlyList<MatchEventRow> Events);

/// <summary>
/// Takes some matches through the deal life cycle, step by step through <see cref="MatchStateMachine"/>,
/// so the pipeline shows interest, meetings, agreements and declines with a plausible history.
/// </summary>
internal static class DemoDeals
{
    private sealed record Step(string Action, string Side, string? Target = null);

    private static readonly (string Scenario, int Weight)[] Scenarios =
    [
        (MatchStatus.SmeInterested, 26), (MatchStatus.PartnerInterested, 20), (MatchStatus.Mutual, 10), (MatchStatus.Meeting, 10),
        (MatchStatus.Negotiation, 8), (MatchStatus.Agreement, 8), (MatchStatus.Closed, 3), (MatchStatus.Declined, 15),
    ];

    private static readonly Dictionary<string, string[]> StageNotes = new(StringComparer.Ordinal)
    {
        [MatchStatus.Meeting] = ["Встреча на производстве", "Online meeting with the management", "Визит делегации в Шаньдун"],
        [MatchStatus.Negotiation] = ["Обсуждаем условия поставки и оплаты", "Term sheet under discussion"],
        [MatchStatus.Agreement] = ["Подписано соглашение о сотрудничестве", "Supply agreement signed"],
        [MatchStatus.Closed] = ["Оборудование поставлено и смонтировано", "Deal completed"],
    };

    // Most declines carry a reason code; some, as users leave them, only a note.
    private static readonly (string Note, string? Code)[] DeclineReasons =
    [
        ("Сумма вне нашего диапазона", "amount_too_large"), ("Ticket size outside our range", "amount_too_small"),
        ("Выбрали другого поставщика", "found_partner"), ("Not a fit for our current strategy", "other"),
        ("Другая отрасль, не наш профиль", "sector_mismatch"), ("We do not offer this kind of financing", "need_type"),
        ("Сроки не подходят", "timing"), ("Prefer partners closer to Bishkek", "region"), ("Not a fit for our current strategy", null),
    ];

    public static IReadOnlyList<DealState> Play(IReadOnlyList<DealCandidate> matches, int seed = DemoWorld.Seed)
    {
        var rng = new Random(seed + 1);
        var ordered = matches.OrderBy(m => m.NeedId).ThenBy(m => m.PartnerIndex).ToList();
        var created = ordered.ToDictionary(m => m.MatchId, m => Max(m.NeedCreatedAt, m.PartnerCreatedAt).AddHours(rng.Next(1, 96)));
        var scenarios = ChooseScenarios(rng, ordered);

        return ordered.Select(m => scenarios.TryGetValue(m.MatchId, out var scenario)
                ? Run(rng, m, created[m.MatchId], Steps(rng, scenario))
                : Untouched(m, created[m.MatchId]))
            .ToList();
    }

    /// <summary>The demo sign-ins get a deal in progress between them and interest both ways; other needs get 0–3 deals among their best matches.</summary>
    private static Dictionary<long, string> ChooseScenarios(Random rng, List<DealCandidate> ordered)
    {
        var chosen = new Dictionary<long, string>();
        var demoNeeds = 0;
        foreach (var need in ordered.GroupBy(m => m.NeedId))
        {
            var best = need.OrderByDescending(m => m.Score).ThenBy(m => m.PartnerIndex).ToList();
            if (best[0].SmeIndex == 0)
            {
                var forced = new Queue<string>(demoNeeds++ == 0
                    ? [MatchStatus.Meeting, MatchStatus.PartnerInterested, MatchStatus.SmeInterested]
                    : [MatchStatus.SmeInterested, MatchStatus.Mutual]);
                if (best.FirstOrDefault(m => m.PartnerIndex == 0) is { } together)
                    chosen[together.MatchId] = forced.Dequeue();
                foreach (var m in best.Where(m => m.PartnerIndex != 0).Take(forced.Count))
                    chosen[m.MatchId] = forced.Dequeue();
                continue;
            }

            var roll = rng.NextDouble();
            var count = roll < 0.35 ? 0 : roll < 0.7 ? 1 : roll < 0.9 ? 2 : 3;
            foreach (var m in best.Take(count))
                chosen[m.MatchId] = Pick(rng, Scenarios);
        }

        var forPartner = new Queue<string>([MatchStatus.SmeInterested, MatchStatus.Agreement, MatchStatus.Negotiation, MatchStatus.Mutual]);
        foreach (var m in ordered.Where(m => m.PartnerIndex == 0 && m.SmeIndex != 0).Take(forPartner.Count))
            chosen[m.MatchId] = forPartner.Dequeue();
        return chosen;
    }

    private static List<Step> Steps(Random rng, string scenario)
    {
        var first = rng.Next(2) == 0 ? MatchSide.Sme : MatchSide.Partner;
        var other = first == MatchSide.Sme ? MatchSide.Partner : MatchSide.Sme;
        List<Step> mutual = [new(MatchAction.Interest, first), new(MatchAction.Interest, other)];
        List<Step> Stages(params string[] targets) => [.. mutual, .. targets.Select(t => new Step(MatchAction.Stage, Side(rng), t))];

        return scenario switch
        {
            MatchStatus.SmeInterested => [new(MatchAction.Interest, MatchSide.Sme)],
            MatchStatus.PartnerInterested => [new(MatchAction.Interest, MatchSide.Partner)],
            MatchStatus.Mutual => mutual,
            MatchStatus.Meeting => Stages(MatchStatus.Meeting),
            MatchStatus.Negotiation => Stages(MatchStatus.Meeting, MatchStatus.Negotiation),
            MatchStatus.Agreement => Stages(MatchStatus.Meeting, MatchStatus.Negotiation, MatchStatus.Agreement),
            MatchStatus.Closed => Stages(MatchStatus.Meeting, MatchStatus.Negotiation, MatchStatus.Agreement, MatchStatus.Closed),
            _ => rng.Next(4) switch
            {
                0 => [new(MatchAction.Decline, Side(rng))],
                1 => [new(MatchAction.Interest, MatchSide.Sme), new(MatchAction.Decline, MatchSide.Partner)],
                2 => [new(MatchAction.Interest, MatchSide.Partner), new(MatchAction.Decline, MatchSide.Sme)],
                _ => [.. Stages(MatchStatus.Meeting), new(MatchAction.Decline, Side(rng))],
            },
        };
    }

    /// <summary>Applies the steps a few days apart, stopping at the end of the demo calendar.</summary>
    private static DealState Run(Random rng, DealCandidate match, DateTime createdAt, List<Step> steps)
    {
        var state = Untouched(match, createdAt);
        var at = createdAt;
        var events = new List<MatchEventRow>();
        foreach (var step in steps)
        {
            at = at.AddDays(rng.Next(2, 15)).AddHours(rng.Next(0, 8));
            if (at > DemoCatalog.End)
                break;
            var transition = MatchStateMachine.Apply(state.Status, step.Action, step.Side, step.Target);
            if (transition.Kind != TransitionKind.Moved)
                throw new InvalidOperationException($"The demo deal script does not follow the match life cycle: {transition.Refusal ?? transition.Kind.ToString()}");

            var decline = step.Action == MatchAction.Decline ? Pick(rng, DeclineReasons) : default;
            var note = step.Action == MatchAction.Stage ? Pick(rng, StageNotes[step.Target!]) : decline.Note;
            var interest = step.Action == MatchAction.Interest;
            state = state with
            {
                Status = transition.To,
                SmeInterestedAt = interest && step.Side == MatchSide.Sme ? state.SmeInterestedAt ?? at : state.SmeInterestedAt,
                PartnerInterestedAt = interest && step.Side == MatchSide.Partner ? state.PartnerInterestedAt ?? at : state.PartnerInterestedAt,
                MutualAt = transition.To == MatchStatus.Mutual ? state.MutualAt ?? at : state.MutualAt,
                UpdatedAt = at,
                Version = state.Version + 1,
            };
            var actor = step.Side == MatchSide.Sme ? match.SmeActor : match.PartnerActor;
            events.Add(new MatchEventRow
            {
                ActorId = actor,
                ActorRole = step.Side,
                Action = step.Action,
                FromStatus = transition.From,
                ToStatus = transition.To,
                Note = note,
                ReasonCode = decline.Code,
                At = at,
            });
        }

        return state with { Events = events };
    }

    private static DealState Untouched(DealCandidate match, DateTime createdAt) =>
        new(match.MatchId, MatchStatus.Suggested, null, null, null, createdAt, createdAt, 1, []);

    private static string Side(Random rng) => rng.Next(2) == 0 ? MatchSide.Sme : MatchSide.Partner;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static string Pick(Random rng, (string Scenario, int Weight)[] items)
    {
        var roll = rng.Next(items.Sum(i => i.Weight));
        foreach (var (scenario, weight) in items)
        {
            roll -= weight;
            if (roll < 0)
                return scenario;
        }

        throw new InvalidOperationException("Weights must be positive.");
    }
}
