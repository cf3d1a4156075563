using Microsoft.Data.Sqlite;

namespace Matchmaker.Tests.Harness;

public class SqliteApi : ApiFixture
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "matchmaker-tests", Guid.NewGuid().ToString("N"));

    public override string Provider => "Sqlite";

    protected override Task<string> CreateDatabaseAsync()
    {
        Directory.CreateDirectory(directory);
        return Task.FromResult($"Data Source={Path.Combine(directory, "matchmaker.db")}");
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }
}
