using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Matchmaker.Api.Infrastructure.Data;

/// <summary>
/// The one place where SQLite and SQL Server differ. Queries are written once and may carry two
/// markers: <c>/**top**/</c> right after SELECT and <c>/**limit**/</c> at the end; both take the row
/// count from the <c>@Take</c> parameter.
/// </summary>
public sealed partial class SqlDialect(DatabaseProvider provider)
{
    public DatabaseProvider Provider { get; } = provider;

    public string Render(string sql) => Provider switch
    {
        DatabaseProvider.SqlServer => sql.Replace("/**top**/", "TOP (@Take)").Replace("/**limit**/", ""),
        _ => sql.Replace("/**top**/", "").Replace("/**limit**/", "LIMIT @Take"),
    };

    /// <summary>
    /// <c>(VALUES …) AS alias</c> over rows already rendered as literals, e.g. <c>(1, 2)</c>; its columns
    /// are column1, column2… on both databases (SQLite names them so, SQL Server needs them listed).
    /// At most <see cref="MaxValuesRows"/> rows.
    /// </summary>
    public string ValuesTable(IEnumerable<string> rows, string alias, int columns)
    {
        var values = "(VALUES " + string.Join(", ", rows) + ") AS " + alias;
        return Provider == DatabaseProvider.SqlServer
            ? values + "(" + string.Join(", ", Enumerable.Range(1, columns).Select(i => "column" + i)) + ")"
            : values;
    }

    /// <summary>How long a transaction waits for <see cref="LockExclusiveAsync"/>, inside the default 30 s command timeout.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(20);

    /// <summary>An application lock held until the transaction ends; SQL Server answers a negative code when it is not granted.</summary>
    internal const string ExclusiveLockTsql = """
        DECLARE @Granted int;
        EXEC @Granted = sp_getapplock @Resource = @Resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = @TimeoutMs;
        SELECT @Granted;
        """;

    /// <summary>
    /// Makes the transaction the only one holding <paramref name="resource"/> until it ends, for writes whose reads
    /// must not interleave with another's. SQLite needs nothing: its write transactions begin IMMEDIATE, one at a time.
    /// </summary>
    public async Task LockExclusiveAsync(DbConnection connection, DbTransaction tx, string resource, CancellationToken ct)
    {
        if (Provider != DatabaseProvider.SqlServer)
            return;
        var granted = await connection.ExecuteScalarAsync<int>(new CommandDefinition(ExclusiveLockTsql,
            new { Resource = resource, TimeoutMs = (int)LockTimeout.TotalMilliseconds }, tx, cancellationToken: ct));
        if (granted < 0)
            throw new TimeoutException($"The database lock '{resource}' was not granted within {LockTimeout.TotalSeconds} s (sp_getapplock answered {granted}).");
    }

    /// <summary>SQL Server's limit on the rows of one VALUES list.</summary>
    public const int MaxValuesRows = 1000;

    public bool IsUniqueViolation(Exception exception) => exception switch
    {
        SqliteException e => e.SqliteErrorCode == 19 && UniqueMessage().IsMatch(e.Message),
        SqlException e => e.Number is 2627 or 2601,
        _ => false,
    };

    [GeneratedRegex("UNIQUE constraint failed|PRIMARY KEY", RegexOptions.IgnoreCase)]
    private static partial Regex UniqueMessage();
}
