using Microsoft.Data.Sqlite;

namespace Matchmaker.Api.Infrastructure.Data;

internal static class SqliteConnections
{
    // Relative paths are resolved against the content root so the database lands in one place
    // whatever the working directory; foreign keys are enforced on every connection.
    public static string Normalize(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true };
        var source = builder.DataSource;
        var inMemory = source == ":memory:" || builder.Mode == SqliteOpenMode.Memory;
        if (!inMemory && !string.IsNullOrWhiteSpace(source) && !Path.IsPathRooted(source))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, source));
        if (!inMemory && !string.IsNullOrWhiteSpace(builder.DataSource))
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        if (builder.DefaultTimeout < 30)
            builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    public static string? DataDirectory(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrWhiteSpace(source) || source == ":memory:" ? null : Path.GetDirectoryName(source);
    }
}
