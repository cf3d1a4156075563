using System.Reflection;
using DbUp;
using DbUp.Engine;

namespace Matchmaker.Api.Infrastructure.Data;

/// <summary>Applies the numbered scripts embedded from db/sqlite or db/sqlserver; DbUp's journal makes it idempotent.</summary>
internal static class Migrator
{
    public static void Migrate(DatabaseOptions options, ILogger logger)
    {
        var prefix = ScriptPrefix(options.Provider);
        UpgradeEngine engine;
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            EnsureDatabase.For.SqlDatabase(options.ConnectionString);
            engine = DeployChanges.To.SqlDatabase(options.ConnectionString)
                .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith(prefix, StringComparison.Ordinal))
                .WithTransactionPerScript()
                .LogTo(logger)
                .Build();
        }
        else
        {
            engine = DeployChanges.To.SqliteDatabase(options.ConnectionString)
                .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith(prefix, StringComparison.Ordinal))
                .WithTransactionPerScript()
                .LogTo(logger)
                .Build();
        }

        var result = engine.PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException(
                $"Database migration failed at script '{result.ErrorScript?.Name}'.", result.Error);
    }

    public static string ScriptPrefix(DatabaseProvider provider) =>
        provider == DatabaseProvider.SqlServer ? "db.sqlserver." : "db.sqlite.";
}
