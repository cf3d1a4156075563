using System.Numerics;
using System.Runtime.InteropServices;

namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>
/// Numbers partners 0, 1, 2… in the order they are first seen. Database ids are small and dense, so
/// ids below <see cref="DenseLimit"/> are looked up in an array, which a full re-score does hundreds
/// of millions of times; other ids fall back to a dictionary.
/// </summary>
internal sealed class PartnerSlots
{
    public const long DenseLimit = 1 << 24;

    // Slot + 1 by id, so that 0 means "not seen yet".
    private int[] _dense = [];
    private readonly Dictionary<long, int> _sparse = [];

    public int Count { get; private set; }

    /// <returns>The partner's slot; <paramref name="added"/> tells whether it was seen for the first time.</returns>
    public int SlotOf(long partnerId, out bool added)
    {
        if ((ulong)partnerId < (ulong)DenseLimit)
        {
            if (partnerId >= _dense.Length)
                Array.Resize(ref _dense, (int)Math.Min(DenseLimit, Math.Max(1024, (long)BitOperations.RoundUpToPowerOf2((ulong)partnerId + 1))));
            ref var entry = ref _dense[partnerId];
            added = entry == 0;
            if (added)
                entry = ++Count;
            return entry - 1;
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_sparse, partnerId, out var known);
        added = !known;
        if (added)
            slot = Count++;
        return slot;
    }
}
