using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Tests.Features.Matching.Engine;

public sealed class PartnerSlotsTests
{
    [Fact]
    public void Partners_are_numbered_in_the_order_first_seen_whatever_their_ids()
    {
        var slots = new PartnerSlots();
        long[] ids = [7, PartnerSlots.DenseLimit + 5, 3, long.MaxValue, -4, 70_000, PartnerSlots.DenseLimit - 1];

        var first = ids.Select(id => (Slot: slots.SlotOf(id, out var added), Added: added)).ToList();
        var again = ids.Reverse().Select(id => (Slot: slots.SlotOf(id, out var added), Added: added)).Reverse().ToList();

        Assert.Equal(Enumerable.Range(0, ids.Length), first.Select(f => f.Slot));
        Assert.All(first, f => Assert.True(f.Added));
        Assert.Equal(first.Select(f => f.Slot), again.Select(a => a.Slot));
        Assert.All(again, a => Assert.False(a.Added));
        Assert.Equal(ids.Length, slots.Count);
    }
}
