namespace Matchmaker.Api.Infrastructure.Data;

/// <summary>
/// Reads the rows of an id list of any length. Dapper sends <c>IN @Ids</c> as one parameter per id
/// and SQL Server refuses a command with more than 2,100 parameters, so a query whose id list has
/// no bound writes <c>IN /**ids**/</c>, which only becomes valid SQL here, where at most
/// <see cref="Size"/> ids go into each command.
/// </summary>
internal static class IdChunks
{
    public const string Marker = "/**ids**/";

    /// <summary>Leaves room for a query's other parameters under SQL Server's 2,100.</summary>
    public const int Size = 1000;

    public static string Render(string sql) => sql.Replace(Marker, "@Ids");

    /// <summary>Runs <paramref name="sql"/> once per chunk of the distinct ids, in ascending order, so rows ordered by id stay in order across chunks.</summary>
    public static async Task<List<T>> QueryAsync<T>(
        DbConnection connection, DbTransaction? tx, string sql, IEnumerable<long> ids, CancellationToken ct, object? args = null)
    {
        var rows = new List<T>();
        foreach (var command in Commands(tx, sql, ids, ct, args))
            rows.AddRange(await connection.QueryAsync<T>(command));
        return rows;
    }

    /// <summary>Runs the statement <paramref name="sql"/> once per chunk of the distinct ids; returns the rows it changed in all.</summary>
    public static async Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction? tx, string sql, IEnumerable<long> ids, CancellationToken ct, object? args = null)
    {
        var changed = 0;
        foreach (var command in Commands(tx, sql, ids, ct, args))
            changed += await connection.ExecuteAsync(command);
        return changed;
    }

    private static IEnumerable<CommandDefinition> Commands(DbTransaction? tx, string sql, IEnumerable<long> ids, CancellationToken ct, object? args)
    {
        var rendered = Render(sql);
        foreach (var chunk in ids.Distinct().Order().Chunk(Size))
        {
            var parameters = new DynamicParameters(args);
            parameters.Add("Ids", chunk);
            yield return new CommandDefinition(rendered, parameters, tx, cancellationToken: ct);
        }
    }
}
