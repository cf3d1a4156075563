using DotNet.Testcontainers.Builders;
using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

namespace Matchmaker.Tests.Harness;

/// <summary>
/// SQL Server 2022 in a container, started once per test run and shared; each test class gets
/// its own database. Where no Docker engine is reachable the fixture records why, and every
/// test that uses it reports itself skipped with that reason.
/// </summary>
public class SqlServerApi : ApiFixture
{
    public const string Image = "mcr.microsoft.com/mssql/server:2022-latest";

    private static readonly Lazy<Task<(MsSqlContainer? Container, string? Unavailable)>> Server = new(StartServerAsync);

    private string? database;
    private string? skipReason;

    public override string Provider => "SqlServer";

    public override string? SkipReason => skipReason;

    public override async ValueTask InitializeAsync()
    {
        var (container, unavailable) = await Server.Value;
        skipReason = unavailable;
        if (container is not null)
            await base.InitializeAsync();
    }

    protected override Task<string> CreateDatabaseAsync()
    {
        database = $"matchmaker_{Guid.NewGuid():N}";
        var builder = new SqlConnectionStringBuilder(Server.Value.Result.Container!.GetConnectionString()) { InitialCatalog = database, TrustServerCertificate = true };
        return Task.FromResult(builder.ConnectionString);
    }

    protected override async Task DropDatabaseAsync()
    {
        if (database is null)
            return;
        SqlConnection.ClearAllPools();
        var master = new SqlConnectionStringBuilder(Server.Value.Result.Container!.GetConnectionString()) { InitialCatalog = "master", TrustServerCertificate = true };
        await using var connection = new SqlConnection(master.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand($"ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{database}];", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(MsSqlContainer?, string?)> StartServerAsync()
    {
        MsSqlContainer container;
        try
        {
            container = new MsSqlBuilder(Image).Build();
        }
        catch (DockerUnavailableException e)
        {
            return (null, $"No Docker engine is reachable, so the SQL Server suite ({Image} via Testcontainers) cannot run here: {e.Message.Split('\n')[0].Trim()}");
        }

        await container.StartAsync();
        return (container, null);
    }
}
