using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Users;

/// <summary>
/// The last active admin stays. Each scenario changes who is admin, so each has a database of its own.
/// Tokens are trusted for five minutes here, as another instance trusts them for up to
/// <c>Auth:RevocationSeconds</c> after a change it did not make.
/// </summary>
public abstract class LastAdminTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    protected static Task<HttpResponseMessage> DemoteAsync(Actor admin, Guid userId, string etag) =>
        admin.Client.PutAsync($"/api/v1/admin/users/{userId}", new JsonObject { ["role"] = "agency", ["isActive"] = true }, etag);

    protected static async Task<string> ETagAsync(Actor admin, Guid userId)
    {
        var read = await admin.Client.GetAsync($"/api/v1/admin/users/{userId}");
        await Expect.StatusAsync(read, 200);
        return read.ETag();
    }

    protected async Task<long> ActiveAdminsAsync()
    {
        await using var connection = await Api.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM users WHERE role = 'admin' AND is_active = 1";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Demotes accounts in the database alone, as another instance would, leaving this instance's trust in their tokens.</summary>
    protected async Task DemoteElsewhereAsync(params Guid[] userIds)
    {
        await using var connection = await Api.OpenDatabaseAsync();
        foreach (var id in userIds)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE users SET role = 'agency' WHERE public_id = @id";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = Api.KeyOf(id);
            command.Parameters.Add(parameter);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
    }
}

public abstract class LastAdminCheckTests<TApi>(TApi api) : LastAdminTests<TApi>(api) where TApi : ApiFixture
{
    [Fact]
    public async Task An_admin_still_trusted_after_a_demotion_elsewhere_cannot_demote_or_deactivate_the_last_active_admin()
    {
        var bootstrap = await Api.AdminAsync();
        var stale = await Api.UserAsync("admin");
        var last = await Api.UserAsync("admin");
        var etag = await ETagAsync(stale, last.UserId);
        await DemoteElsewhereAsync(bootstrap.UserId, stale.UserId);

        await Expect.ProblemAsync(await DemoteAsync(stale, last.UserId, etag), 409);
        await Expect.ProblemAsync(await stale.Client.PutAsync($"/api/v1/admin/users/{last.UserId}",
            new JsonObject { ["role"] = "admin", ["isActive"] = false }, etag), 409);

        Assert.Equal(1, await ActiveAdminsAsync());
        var changed = await Expect.StatusAsync(await stale.Client.PutAsync($"/api/v1/admin/users/{last.UserId}",
            new JsonObject { ["role"] = "admin", ["isActive"] = true }, etag), 200);
        Assert.Equal("admin", changed["role"]!.GetValue<string>());
    }
}

public abstract class AdminRaceTests<TApi>(TApi api) : LastAdminTests<TApi>(api) where TApi : ApiFixture
{
    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_one_active_admin()
    {
        var bootstrap = await Api.AdminAsync();
        var first = await Api.UserAsync("admin");
        var second = await Api.UserAsync("admin");
        await Expect.StatusAsync(await DemoteAsync(first, bootstrap.UserId, await ETagAsync(first, bootstrap.UserId)), 200);
        Assert.Equal(2, await ActiveAdminsAsync());
        var firstSees = await ETagAsync(first, second.UserId);
        var secondSees = await ETagAsync(second, first.UserId);

        var answers = await Task.WhenAll(DemoteAsync(first, second.UserId, firstSees), DemoteAsync(second, first.UserId, secondSees));

        var statuses = answers.Select(a => (int)a.StatusCode).Order().ToArray();
        Assert.True(statuses is [200, 401] or [200, 409], $"expected one demotion to win, got {string.Join(", ", statuses)}");
        Assert.Equal(1, await ActiveAdminsAsync());
    }
}

public class LongTrustSqliteApi : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Auth:RevocationSeconds"] = "300" };
}

public class LongTrustSqlServerApi : SqlServerApi
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Auth:RevocationSeconds"] = "300" };
}

public sealed class LastAdminCheckTestsOnSqlite(LongTrustSqliteApi api) : LastAdminCheckTests<LongTrustSqliteApi>(api), IClassFixture<LongTrustSqliteApi>;

public sealed class LastAdminCheckTestsOnSqlServer : LastAdminCheckTests<LongTrustSqlServerApi>, IClassFixture<LongTrustSqlServerApi>
{
    public LastAdminCheckTestsOnSqlServer(LongTrustSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}

public sealed class AdminRaceTestsOnSqlite(SqliteApi api) : AdminRaceTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class AdminRaceTestsOnSqlServer : AdminRaceTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public AdminRaceTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
