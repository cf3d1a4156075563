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
