using System.Text;

namespace Matchmaker.Api.Features.Shared;

/// <summary>
/// What a search matches: the app stores each record's searchable texts folded into a <c>search_text</c>
/// column and matches a folded, LIKE-escaped pattern, because SQLite's LOWER and LIKE fold ASCII only and
/// SQL Server's fold depends on the column's collation. Folding is the one rule below, in .NET, so both
/// databases compare the same strings.
/// </summary>
internal static class SearchText
{
    public const int MaxQueryLength = 100;

    private const int RefillBatch = 1000;

    /// <summary>Between the texts of one record, so a query never matches across two of them (a query holds no line break).</summary>
    private const char Separator = '\n';

    /// <summary>
    /// Compatibility-normalised (full-width letters, a decomposed ё), lower-cased in every script, and ё read as е,
    /// as Russian writers use them interchangeably.
    /// </summary>
    public static string Fold(string text)
    {
        var normal = TextRules.IsWellFormed(text) ? text.Normalize(NormalizationForm.FormKC) : text;
        return normal.ToLowerInvariant().Replace('ё', 'е');
    }

    public static string Of(params string?[] parts) =>
        string.Join(Separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Fold(p!.Trim())));

    /// <summary>Writes the folded texts of the rows <paramref name="selectSql"/> finds, a transaction per batch.</summary>
    public static async Task<int> RefillAsync<TRow>(DbConnection connection, string selectSql, string updateSql, Func<TRow, object> folded, CancellationToken ct)
    {
        var rows = (await connection.QueryAsync<TRow>(new CommandDefinition(selectSql, cancellationToken: ct))).ToList();
        foreach (var batch in rows.Chunk(RefillBatch))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(updateSql, batch.Select(folded).ToList(), tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }

        return rows.Count;
    }

    public static string? Pattern(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
            return null;
        var escaped = Fold(q.Trim()).Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_").Replace("[", @"\[");
        return $"%{escaped}%";
    }
}
