namespace Matchmaker.Api.Infrastructure.Data;

/// <summary>
/// Runs before the server accepts requests (hosted services start first): migrate, enable WAL,
/// seed reference data, cache the codes, then run the features' <see cref="IStartupSeed"/>s in
/// registration order. A failure stops start-up.
/// </summary>
internal sealed class DatabaseInitializer(IServiceProvider services) : IHostedService
{
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken ct)
    {
        var db = services.GetRequiredService<ConnectionFactory>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Matchmaker.Database");
        Migrator.Migrate(db.Options, logger);

        await using var connection = await db.OpenAsync(ct);
        if (db.Options.Provider == DatabaseProvider.Sqlite)
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL;", cancellationToken: ct));

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await ReferenceSeeder.SeedAsync(connection, now, ct);
        await services.GetRequiredService<ReferenceCodes>().LoadAsync(connection, ct);
        foreach (var seed in services.GetServices<IStartupSeed>())
            await seed.SeedAsync(connection, now, ct);
    }
}
