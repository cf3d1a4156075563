using Dapper;
using Matchmaker.Api.Features.Notifications.Email;
using Matchmaker.Api.Infrastructure.Data;

namespace Matchmaker.Tests.Features.Notifications.Email;

/// <summary>Several instances on one database: each due e-mail is claimed by one of them only.</summary>
public abstract class EmailClaimTests<TApi>(TApi api) where TApi : ApiFixture
{
    [Fact]
    public async Task Concurrent_claims_share_out_the_due_mail_and_never_hand_one_row_to_two_senders()
    {
        var cast = await NoticeCast.CreateAsync(api, "G46");
        for (var i = 0; i < 5; i++)
            await cast.FreshMatchAsync();
        await using (var connection = await api.OpenDatabaseAsync())
            await connection.ExecuteAsync("""
                INSERT INTO email_outbox (public_id, user_id, notification_id, status, attempts, next_attempt_at, created_at)
                SELECT public_id, user_id, id, 'pending', 0, created_at, created_at FROM notifications
                """);
        int total;
        await using (var connection = await api.OpenDatabaseAsync())
            total = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM email_outbox WHERE status = 'pending'");
        Assert.True(total >= 12, $"only {total} rows to claim");

        var now = DateTime.UtcNow.AddMinutes(1);
        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            await using var connection = await api.OpenDatabaseAsync();
            var claimed = new List<long>();
            IReadOnlyList<OutgoingEmail> batch;
            do
            {
                batch = await EmailOutbox.ClaimAsync(connection, new SqlDialect(api.Provider == "SqlServer" ? DatabaseProvider.SqlServer : DatabaseProvider.Sqlite), $"claimer-{i}-{claimed.Count}", 3, now, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
                claimed.AddRange(batch.Select(b => b.Id));
            }
            while (batch.Count > 0);
            return claimed;
        }));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(total, all.Count);
    }
}

public sealed class EmailClaimTestsOnSqlite(SqliteApi api) : EmailClaimTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class EmailClaimTestsOnSqlServer : EmailClaimTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public EmailClaimTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
