using Dapper;
using Matchmaker.Tests.Infrastructure.Data;
using Microsoft.Data.Sqlite;

namespace Matchmaker.Tests.Features.Auth;

/// <summary>Migration 0032 on a database that holds accounts already: they count as verified from their creation.</summary>
public sealed class EmailVerificationMigrationTests
{
    [Fact]
    public async Task Accounts_that_exist_at_the_upgrade_count_as_verified_from_their_creation()
    {
        var path = Path.Combine(Path.GetTempPath(), $"matchmaker-0032-{Guid.NewGuid():N}.db");
        try
        {
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            var scripts = SqlCatalog.ScriptFiles("sqlite").ToList();
            var upgrade = Assert.Single(scripts, s => Path.GetFileName(s).StartsWith("0032_", StringComparison.Ordinal));
            foreach (var script in scripts.Where(s => string.CompareOrdinal(Path.GetFileName(s), "0032_") < 0))
                await connection.ExecuteAsync(await File.ReadAllTextAsync(script, TestContext.Current.CancellationToken));
            await connection.ExecuteAsync("""
                INSERT INTO users (public_id, email, email_normalized, password_hash, role, is_active, created_at, updated_at, version, security_stamp)
                VALUES ('5f0b7c1e-0000-4000-8000-000000000001', 'old@example.test', 'OLD@EXAMPLE.TEST', 'x', 'sme', 1, '2026-03-01 08:00:00', '2026-05-01 08:00:00', 3, 's')
                """);

            await connection.ExecuteAsync(await File.ReadAllTextAsync(upgrade, TestContext.Current.CancellationToken));

            var (created, verified) = await connection.QuerySingleAsync<(string, string?)>("SELECT created_at, email_verified_at FROM users WHERE email = 'old@example.test'");
            Assert.Equal(created, verified);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
