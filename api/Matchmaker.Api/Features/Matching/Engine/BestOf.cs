namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>
/// Keeps the best <c>capacity</c> entries offered to it — highest score, then lowest id — in a heap
/// whose root is the worst entry kept, so most offers are turned away after one comparison.
/// </summary>
internal sealed class BestOf(int capacity)
{
    private Entry[] _heap = new Entry[Math.Min(capacity, 4)];

    public int Count { get; private set; }

    public ReadOnlySpan<Entry> Entries => _heap.AsSpan(0, Count);

    /// <summary>The worst entry kept; only meaningful once <see cref="Count"/> is above 0.</summary>
    public Entry Worst => _heap[0];

    public bool IsFull => Count == capacity;

    public void Clear() => Count = 0;

    public void Offer(Entry entry)
    {
        if (Count < capacity)
        {
            if (Count == _heap.Length)
                Array.Resize(ref _heap, Math.Min(capacity, _heap.Length * 2));
            _heap[Count] = entry;
            SiftUp(Count++);
        }
        else if (capacity > 0 && entry.IsBetterThan(_heap[0]))
        {
            _heap[0] = entry;
            SiftDown(0);
        }
    }

    private void SiftUp(int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!_heap[parent].IsBetterThan(_heap[index]))
                return;
            (_heap[parent], _heap[index]) = (_heap[index], _heap[parent]);
            index = parent;
        }
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            var worst = index;
            var left = 2 * index + 1;
            var right = left + 1;
            if (left < Count && _heap[worst].IsBetterThan(_heap[left]))
                worst = left;
            if (right < Count && _heap[worst].IsBetterThan(_heap[right]))
                worst = right;
            if (worst == index)
                return;
            (_heap[worst], _heap[index]) = (_heap[index], _heap[worst]);
            index = worst;
        }
    }

    /// <param name="OtherId">The id on the other side of the pair: a partner in a need's list, a need in a partner's.</param>
    internal readonly record struct Entry(long OtherId, short Tenths, bool ActedOn)
    {
        public bool IsBetterThan(Entry other) =>
            Tenths > other.Tenths || (Tenths == other.Tenths && OtherId < other.OtherId);
    }
}
