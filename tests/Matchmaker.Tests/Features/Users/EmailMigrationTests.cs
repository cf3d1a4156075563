using Dapper;

namespace Matchmaker.Tests.Features.Users;

/// <summary>Accounts stored before e-mails were lower-cased are lower-cased by migration 0015 and still sign in.</summary>
public abstract class EmailMigrationTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task An_address_stored_in_mixed_case_before_the_migration_is_lower_cased_and_signs_in()
    {
        var user = await api.UserAsync("agency");
        var typed = user.Email.ToUpperInvariant().Replace("@EXAMPLE.TEST", "@Example.Test", StringComparison.Ordinal);
        await using (var connection = await api.OpenDatabaseAsync())
        {
            Assert.Equal(1, await connection.ExecuteAsync("UPDATE users SET email = @Typed WHERE public_id = @Id", new { Typed = typed, Id = api.KeyOf(user.UserId) }));
            Assert.Equal(1, await connection.ExecuteAsync("DELETE FROM SchemaVersions WHERE ScriptName LIKE '%0016_store_user_emails_lower_case.sql'"));
        }

        await api.RestartAsync();

        var admin = await api.AdminAsync();
        var read = await Expect.StatusAsync(await admin.Client.GetAsync($"/api/v1/admin/users/{user.UserId}"), 200);
        Assert.Equal(user.Email, read["email"]!.GetValue<string>());
        await api.SignInAsync(typed, ApiFixture.Password, "agency");
    }
}

public sealed class EmailMigrationTestsOnSqlite(SqliteApi api) : EmailMigrationTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class EmailMigrationTestsOnSqlServer : EmailMigrationTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public EmailMigrationTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
