using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Tests.Features.Verification;

/// <summary>Which edits put a profile (back) in the agencies' queue, the moment <c>profile.pending</c> announces.</summary>
public sealed class VerificationStateTests
{
    private static readonly DateTime Decided = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Edited = Decided.AddDays(1);

    [Theory]
    [InlineData("verified", true, true, "pending", true)]
    [InlineData("verified", true, false, "pending", true)]
    [InlineData("verified", false, true, "verified", false)]
    [InlineData("rejected", false, true, "pending", true)]
    [InlineData("rejected", true, false, "rejected", false)]
    [InlineData("pending", true, true, "pending", false)]
    public void An_edit_joins_the_queue_only_when_it_moves_a_decided_profile_to_pending(string from, bool identityChanged, bool byOwner, string to, bool joins)
    {
        var before = new VerificationState(from, "A note.", Decided);

        var after = before.AfterEdit(identityChanged, byOwner, Edited);

        Assert.Equal((to, joins), (after.Status, after.JoinsQueueFrom(before)));
    }
}
