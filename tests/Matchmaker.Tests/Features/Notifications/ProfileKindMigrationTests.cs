using Dapper;
using Matchmaker.Tests.Features.Notifications.Email;

namespace Matchmaker.Tests.Features.Notifications;

/// <summary>Migration 0033 widens the inbox kinds in place: items, their ids and the e-mail outbox's links to them stay.</summary>
public abstract class ProfileKindMigrationTests<TApi>(TApi api) where TApi : ApiFixture, IMailApi
{
    private const string LinksSql = "SELECT o.id AS Outbox, o.notification_id AS Item FROM email_outbox o WHERE o.notification_id IS NOT NULL ORDER BY o.id";

    [Fact]
    public async Task Running_the_migration_again_on_a_database_with_items_and_mail_keeps_every_item_and_link()
    {
        var cast = await NoticeCast.CreateAsync(api, "S94");
        await Matches.ActAsync(cast.Partner.Client, cast.MatchId, "interest");
        List<(long Outbox, long Item)> links;
        await using (var connection = await api.OpenDatabaseAsync())
        {
            links = [.. await connection.QueryAsync<(long, long)>(LinksSql)];
            Assert.Equal(1, await connection.ExecuteAsync("DELETE FROM SchemaVersions WHERE ScriptName LIKE '%0033_add_profile_notification_kinds.sql'"));
        }
        var before = await Inbox.ItemsAsync(cast.Owner);

        await api.RestartAsync();

        Assert.NotEmpty(links);
        var after = await Inbox.ItemsAsync(await api.SignInAsync(cast.Owner.Email, ApiFixture.Password, "sme"));
        Assert.Equal(before.Select(i => i.ToJsonString()), after.Select(i => i.ToJsonString()));
        await using (var connection = await api.OpenDatabaseAsync())
            Assert.Equal(links, [.. await connection.QueryAsync<(long, long)>(LinksSql)]);
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        await ProfileDecisions.AnnounceAsync(api, ProfileDecisions.Of(api, owner, "sme", smeId, "After Co.", "rejected", "Stored."));
        Assert.Equal("profile_rejected", Inbox.Kind(Assert.Single(await Inbox.ItemsAsync(owner))));
    }
}

public sealed class ProfileKindMigrationTestsOnSqlite(MailSqliteApi api) : ProfileKindMigrationTests<MailSqliteApi>(api), IClassFixture<MailSqliteApi>;

public sealed class ProfileKindMigrationTestsOnSqlServer : ProfileKindMigrationTests<MailSqlServerApi>, IClassFixture<MailSqlServerApi>
{
    public ProfileKindMigrationTestsOnSqlServer(MailSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
