using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Matchmaker.Tests.Security;

/// <summary>Every table's row count and a checksum of its content, to show that a batch of requests changed nothing.</summary>
internal sealed record DatabaseSnapshot(IReadOnlyDictionary<string, (long Rows, string Checksum)> Tables)
{
    // Background work moves these rows on by itself (a delivery's attempts, status and claim), whatever requests do:
    // only the columns a request writes are compared.
    private static readonly Dictionary<string, string> RequestColumns = new(StringComparer.Ordinal)
    {
        ["webhook_deliveries"] = "id, public_id, webhook_id, event_type, body, created_at",
    };

    public static async Task<DatabaseSnapshot> TakeAsync(ApiFixture api)
    {
        await using var connection = await api.OpenDatabaseAsync();
        return await TakeAsync(connection, api.Provider);
    }

    public static async Task<DatabaseSnapshot> TakeAsync(DbConnection connection, string provider)
    {
        var names = await connection.QueryAsync<string>(provider == "SqlServer"
            ? "SELECT name FROM sys.tables ORDER BY name"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        var tables = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long rows = 0;
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {RequestColumns.GetValueOrDefault(name, "*")} FROM {name}";
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                var cells = new object[reader.FieldCount];
                reader.GetValues(cells);
                lines.Add(string.Join("\u001f", cells.Select(c => c is byte[] b ? Convert.ToBase64String(b) : Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture))));
                rows++;
            }

            // Rows come back in no promised order; sorting makes the checksum depend on content only.
            foreach (var line in lines.Order(StringComparer.Ordinal))
                hash.AppendData(Encoding.UTF8.GetBytes(line + "\u001e"));
            tables[name] = (rows, Convert.ToHexString(hash.GetHashAndReset()));
        }

        return new DatabaseSnapshot(tables);
    }

    /// <summary>The tables whose row count or content differ, described for a failure message.</summary>
    public IReadOnlyList<string> Differences(DatabaseSnapshot later) =>
        Tables.Keys.Union(later.Tables.Keys)
            .Where(t => !Tables.TryGetValue(t, out var a) || !later.Tables.TryGetValue(t, out var b) || a != b)
            .Select(t => $"{t}: {Describe(Tables, t)} → {Describe(later.Tables, t)}")
            .ToList();

    private static string Describe(IReadOnlyDictionary<string, (long Rows, string Checksum)> tables, string table) =>
        tables.TryGetValue(table, out var t) ? $"{t.Rows} rows, {t.Checksum[..12]}" : "absent";
}
