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

    public bool IsUniqueViolation(Exception exception) => exception switch
    {
        SqliteException e => e.SqliteErrorCode == 19 && UniqueMessage().IsMatch(e.Message),
        SqlException e => e.Number is 2627 or 2601,
        _ => false,
    };

    [GeneratedRegex("UNIQUE constraint failed|PRIMARY KEY", RegexOptions.IgnoreCase)]
    private static partial Regex UniqueMessage();
}
