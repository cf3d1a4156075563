using System.Collections.Frozen;

namespace Matchmaker.Api.Features.Matching.Engine;

/// <summary>A fixed list of reference codes, each given one bit by its place in the list.</summary>
internal sealed class CodeSet
{
    private readonly FrozenDictionary<string, int> _bits;

    public CodeSet(int count, params string[] codes)
    {
        if (codes.Length != count || count > 32)
            throw new ArgumentException($"Expected {count} codes (at most 32, one bit each), got {codes.Length}.", nameof(codes));
        Codes = codes;
        _bits = codes.Select((code, bit) => KeyValuePair.Create(code, bit))
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<string> Codes { get; }

    public bool TryGetBit(string? code, out int bit)
    {
        bit = -1;
        return code is not null && _bits.TryGetValue(code.Trim(), out bit);
    }

    /// <summary>The reference spelling of a code, or null for an unknown one.</summary>
    public string? Canonical(string? code) => TryGetBit(code, out var bit) ? Codes[bit] : null;

    public uint Mask(IEnumerable<string> codes)
    {
        var mask = 0u;
        foreach (var code in codes)
        {
            if (TryGetBit(code, out var bit))
                mask |= 1u << bit;
        }
        return mask;
    }
}
