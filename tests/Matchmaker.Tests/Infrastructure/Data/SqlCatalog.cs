using System.Reflection;
using System.Text.RegularExpressions;
using Matchmaker.Api.Features.Matching;
using Matchmaker.Api.Infrastructure.Data;

namespace Matchmaker.Tests.Infrastructure.Data;

/// <summary>Every SQL text the API runs: the <c>const</c> (or, where built from shared rules, <c>static readonly</c>) <c>string …Sql</c> fields next to the Dapper calls.</summary>
public static partial class SqlCatalog
{
    public static IReadOnlyList<(string Name, string Sql)> Queries { get; } = typeof(ConnectionFactory).Assembly.GetTypes()
        .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(f => f is { IsLiteral: true } or { IsInitOnly: true } && f.FieldType == typeof(string) && f.Name.EndsWith("Sql", StringComparison.Ordinal))
            .Select(f => ($"{t.FullName}.{f.Name}", (string)(f.IsLiteral ? f.GetRawConstantValue() : f.GetValue(null))!)))
        .OrderBy(q => q.Item1, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// The statements built from literal rows (a full re-score's bulk writes), with as many rows as one
    /// statement takes, as the given provider receives them.
    /// </summary>
    public static IReadOnlyList<(string Name, string Sql)> Built(DatabaseProvider provider)
    {
        var pairs = Enumerable.Range(1, MatchStore.RowsPerStatement).Select(i => new StoredPair(i, 100_000 + i, 87.5m)).ToList();
        return
        [
            ($"{nameof(MatchStore)}.{nameof(MatchStore.NewSuggestionsSql)}", MatchStore.NewSuggestionsSql(new SqlDialect(provider), pairs)),
            ($"{nameof(MatchStore)}.{nameof(MatchStore.ScoreRowsSql)}", MatchStore.ScoreRowsSql(pairs.Select(p => (p.NeedId, p.Score)), 2)),
        ];
    }

    /// <summary>The query as the given provider receives it: dialect markers rendered, Dapper's list parameters expanded.</summary>
    public static string AsSentTo(DatabaseProvider provider, string sql) =>
        ListParameter().Replace(new SqlDialect(provider).Render(IdChunks.Render(sql)), m => $"IN ({m.Groups[1].Value}1, {m.Groups[1].Value}2)");

    /// <summary>
    /// The lists a query may send without <see cref="IdChunks"/>, with the most items each can hold;
    /// an id list goes through <see cref="IdChunks"/>, which sends at most <see cref="IdChunks.Size"/> per command.
    /// </summary>
    public static IReadOnlyDictionary<string, int> BoundedLists { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["@Currencies"] = Matchmaker.Api.Features.Reference.UpdateFxRates.Validator.MaxRates,
        ["@Statuses"] = Matchmaker.Api.Features.Matching.Deals.MatchStatus.All.Count,
    };

    /// <summary>
    /// How many parameters SQL Server receives for the query when every list holds as many items as
    /// it can, or null when it sends a list of no known size.
    /// </summary>
    public static int? LargestParameterCount(string sql, out string? unboundedList)
    {
        unboundedList = null;
        var rendered = new SqlDialect(DatabaseProvider.SqlServer).Render(sql.Replace(IdChunks.Marker, Expanded("@Ids", IdChunks.Size)));
        foreach (Match list in ListParameter().Matches(rendered))
        {
            if (!BoundedLists.TryGetValue(list.Groups[1].Value, out var size))
            {
                unboundedList = list.Groups[1].Value;
                return null;
            }
            rendered = rendered.Replace(list.Value, "IN " + Expanded(list.Groups[1].Value, size));
        }
        return Parameter().Matches(rendered).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).Count();
    }

    private static string Expanded(string name, int size) => $"({string.Join(", ", Enumerable.Range(1, size).Select(i => $"{name}{i}"))})";

    public static IEnumerable<string> ScriptFiles(string provider) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "db", provider), "*.sql").Order(StringComparer.Ordinal);

    [GeneratedRegex(@"IN\s+(@\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex ListParameter();

    [GeneratedRegex(@"(?<!@)@\w+")]
    private static partial Regex Parameter();
}
