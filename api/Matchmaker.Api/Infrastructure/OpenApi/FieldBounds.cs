namespace Matchmaker.Api.Infrastructure.OpenApi;

/// <summary>
/// The bounds of every field by its JSON name, wherever it appears (request, response, query), or by
/// <c>SchemaSuffix.field</c> where the same name means something else in one schema. Each area
/// contributes the bounds of its own fields from the constants its validators use, so what the API
/// enforces on the way in is what it promises on the way out. FastEndpoints.Swagger maps plain
/// FluentValidation rules itself; these are the ones it cannot see (custom <c>Must</c> rules, list
/// rules, reference codes, server-owned fields).
/// </summary>
internal sealed class FieldBounds
{
    public const int DateTimeMaxLength = 40;
    public const int UrlMaxLength = 2048;

    private readonly Dictionary<string, StringLimit> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Min, long Max)> _integers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Min, double Max)> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (StringLimit Item, int MaxItems)> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _objectLists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _closedMaps = new(StringComparer.Ordinal);

    public FieldBounds String(string field, int maxLength, string? pattern = null, string? format = null) =>
        Add(_strings, field, new StringLimit(maxLength, pattern, Format: format));

    public FieldBounds Code(string field, int maxLength, IEnumerable<string> values) =>
        Add(_strings, field, new StringLimit(maxLength, Enum: [.. values]));

    public FieldBounds Integer(string field, long min, long max) => Add(_integers, field, (min, max));

    public FieldBounds Number(string field, double min, double max) => Add(_numbers, field, (min, max));

    public FieldBounds List(string field, StringLimit item, int maxItems) => Add(_lists, field, (item, maxItems));

    public FieldBounds Objects(string field, int maxItems) => Add(_objectLists, field, maxItems);

    /// <summary>A map that always carries exactly these keys: a closed object rather than an open map.</summary>
    public FieldBounds ClosedMap(string field, IReadOnlyList<string> keys) => Add(_closedMaps, field, keys);

    internal StringLimit? StringOf(string owner, string name) => TryLookup(_strings, owner, name, out var limit) ? limit : null;

    internal bool TryInteger(string owner, string name, out (long Min, long Max) range) => TryLookup(_integers, owner, name, out range);

    internal bool TryNumber(string owner, string name, out (double Min, double Max) range) => TryLookup(_numbers, owner, name, out range);

    internal bool TryList(string owner, string name, out (StringLimit Item, int MaxItems) list) => TryLookup(_lists, owner, name, out list);

    internal bool TryObjects(string owner, string name, out int maxItems) => TryLookup(_objectLists, owner, name, out maxItems);

    internal IReadOnlyDictionary<string, IReadOnlyList<string>> ClosedMaps => _closedMaps;

    private FieldBounds Add<T>(Dictionary<string, T> table, string field, T value)
    {
        if (!table.TryAdd(field, value))
            throw new InvalidOperationException($"The bounds of '{field}' are declared twice.");
        return this;
    }

    /// <summary>Looks for <c>SchemaSuffix.field</c> first, then for the plain field name.</summary>
    private static bool TryLookup<T>(Dictionary<string, T> table, string owner, string name, out T value)
    {
        foreach (var (key, candidate) in table)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && key[(dot + 1)..] == name && owner.EndsWith(key[..dot], StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        return table.TryGetValue(name, out value!);
    }
}

internal sealed record StringLimit(int MaxLength, string? Pattern = null, string[]? Enum = null, string? Format = null);
