namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>
/// Gives certification names (free text, compared trimmed and case-insensitively) one bit each, as
/// long as bits last. A name that arrives after the bits ran out never gets one, on either side, so
/// vectors fall back to comparing names for it and stay correct.
/// </summary>
internal sealed class CertificationCatalog
{
    public const int MaxBits = 64;

    private readonly Dictionary<string, int> _bits = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private readonly int _capacity;

    /// <param name="seed">Names to give bits first, typically every partner's requirements.</param>
    /// <param name="capacity">How many bits to hand out, at most 64.</param>
    public CertificationCatalog(IEnumerable<string>? seed = null, int capacity = MaxBits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, MaxBits);
        _capacity = capacity;
        foreach (var name in Vocabulary.Distinct(seed))
            Intern(name);
    }

    public int Count
    {
        get
        {
            lock (_gate)
                return _bits.Count;
        }
    }

    /// <returns>The name's bit, or -1 when every bit is taken by other names.</returns>
    public int Intern(string name)
    {
        var key = name.Trim();
        lock (_gate)
        {
            if (_bits.TryGetValue(key, out var bit))
                return bit;
            if (_bits.Count == _capacity)
                return -1;
            bit = _bits.Count;
            _bits.Add(key, bit);
            return bit;
        }
    }
}
