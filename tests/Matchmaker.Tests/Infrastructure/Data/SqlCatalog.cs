using System.Reflection;
using System.Text.RegularExpressions;
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

    /// <summary>The query as the given provider receives it: dialect markers rendered, Dapper's list parameters expanded.</summary>
    public static string AsSentTo(DatabaseProvider provider, string sql) =>
        ListParameter().Replace(new SqlDialect(provider).Render(sql), m => $"IN ({m.Groups[1].Value}1, {m.Groups[1].Value}2)");

    public static IEnumerable<string> ScriptFiles(string provider) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "db", provider), "*.sql").Order(StringComparer.Ordinal);

    [GeneratedRegex(@"IN\s+(@\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex ListParameter();
}
