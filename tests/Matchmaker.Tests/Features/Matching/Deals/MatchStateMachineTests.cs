using Matchmaker.Api.Features.Matching.Deals;

namespace Matchmaker.Tests.Features.Matching.Deals;

/// <summary>
/// The deal life cycle as a table: every (status, action, side[, target stage]) with what it leads
/// to. The table is written out here rather than derived from the code under test.
/// </summary>
public sealed class MatchStateMachineTests
{
    private const string Illegal = "illegal";
    private const string Unchanged = "unchanged";

    private static readonly string[] Statuses =
        ["suggested", "sme_interested", "partner_interested", "mutual", "meeting", "negotiation", "agreement", "closed", "declined"];

    private static readonly string[] Sides = ["sme", "partner"];

    private static readonly Dictionary<(string Status, string Side), string> InterestTable = new()
    {
        [("suggested", "sme")] = "sme_interested",
        [("suggested", "partner")] = "partner_interested",
        [("sme_interested", "sme")] = Unchanged,
        [("sme_interested", "partner")] = "mutual",
        [("partner_interested", "sme")] = "mutual",
        [("partner_interested", "partner")] = Unchanged,
        [("mutual", "sme")] = Unchanged,
        [("mutual", "partner")] = Unchanged,
        [("meeting", "sme")] = Unchanged,
        [("meeting", "partner")] = Unchanged,
        [("negotiation", "sme")] = Unchanged,
        [("negotiation", "partner")] = Unchanged,
        [("agreement", "sme")] = Unchanged,
        [("agreement", "partner")] = Unchanged,
        [("closed", "sme")] = Illegal,
        [("closed", "partner")] = Illegal,
        [("declined", "sme")] = Illegal,
        [("declined", "partner")] = Illegal,
    };

    private static readonly Dictionary<string, string> DeclineTable = new()
    {
        ["suggested"] = "declined",
        ["sme_interested"] = "declined",
        ["partner_interested"] = "declined",
        ["mutual"] = "declined",
        ["meeting"] = "declined",
        ["negotiation"] = "declined",
        ["agreement"] = Illegal,
        ["closed"] = Illegal,
        ["declined"] = Illegal,
    };

    /// <summary>The stages each status may move to; every other (status, target) pair is illegal.</summary>
    private static readonly Dictionary<string, string[]> StageTable = new()
    {
        ["suggested"] = [],
        ["sme_interested"] = [],
        ["partner_interested"] = [],
        ["mutual"] = ["meeting", "negotiation", "agreement", "closed"],
        ["meeting"] = ["negotiation", "agreement", "closed"],
        ["negotiation"] = ["agreement", "closed"],
        ["agreement"] = ["closed"],
        ["closed"] = [],
        ["declined"] = [],
    };

    public static TheoryData<string, string, string, string?, string> Table()
    {
        var rows = new TheoryData<string, string, string, string?, string>();
        foreach (var status in Statuses)
        {
            foreach (var side in Sides)
            {
                rows.Add(status, "interest", side, null, InterestTable[(status, side)]);
                rows.Add(status, "decline", side, null, DeclineTable[status]);
                foreach (var target in Statuses.Append("unknown"))
                    rows.Add(status, "stage", side, target, StageTable[status].Contains(target) ? target : Illegal);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Every_status_action_and_side_leads_where_the_table_says(string status, string action, string side, string? target, string expected)
    {
        var transition = MatchStateMachine.Apply(status, action, side, target);

        Assert.Equal(status, transition.From);
        switch (expected)
        {
            case Illegal:
                Assert.Equal(TransitionKind.Illegal, transition.Kind);
                Assert.Equal(status, transition.To);
                Assert.Contains($"'{status}'", transition.Refusal);
                Assert.Contains($"'{action}'", transition.Refusal);
                break;
            case Unchanged:
                Assert.Equal(TransitionKind.Unchanged, transition.Kind);
                Assert.Equal(status, transition.To);
                Assert.Null(transition.Refusal);
                break;
            default:
                Assert.Equal(TransitionKind.Moved, transition.Kind);
                Assert.Equal(expected, transition.To);
                Assert.Null(transition.Refusal);
                break;
        }
    }

    [Fact]
    public void The_table_covers_every_status_action_side_and_target()
    {
        Assert.Equal(Statuses.Length * Sides.Length * (2 + Statuses.Length + 1), Table().Count);
        Assert.Equal(Statuses.Order(), MatchStatus.All.Order());
        Assert.Equal(["meeting", "negotiation", "agreement", "closed"], MatchStatus.StageTargets);
    }

    [Fact]
    public void Decline_ignores_the_side_and_stage_ignores_it_too()
    {
        foreach (var status in Statuses)
        {
            Assert.Equal(MatchStateMachine.Apply(status, "decline", "sme"), MatchStateMachine.Apply(status, "decline", "partner"));
            foreach (var target in Statuses)
                Assert.Equal(MatchStateMachine.Apply(status, "stage", "sme", target), MatchStateMachine.Apply(status, "stage", "partner", target));
        }
    }

    [Theory]
    [InlineData("pending", "interest", "sme")]
    [InlineData("suggested", "withdraw", "sme")]
    [InlineData("suggested", "interest", "agency")]
    public void Unknown_statuses_actions_and_sides_are_programming_errors(string status, string action, string side)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MatchStateMachine.Apply(status, action, side, "meeting"));
    }
}
