using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;

namespace Matchmaker.Tests.Features.Notifications;

/// <summary>An agency's decision on a profile reaches its owner's inbox, in the owner's language, within the decision's transaction.</summary>
public abstract class ProfileNoticeTests<TApi>(TApi api) where TApi : ApiFixture
{
    private const string Note = "The INN «0123» does not match the registry; please correct it.\nThen write to us.";

    private static async Task SetLanguageAsync(Actor account, string language) =>
        await Expect.StatusAsync(await account.Client.PutAsJsonAsync("/api/v1/me/notifications", new JsonObject { ["email"] = "immediate", ["language"] = language, ["minScore"] = 70 }), 200);

    [Fact]
    public async Task A_verified_sme_is_told_that_partners_now_see_it_with_no_ids()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api, Bodies.Sme(name: "Talas Dairy"));

        await ProfileDecisions.AnnounceAsync(api, ProfileDecisions.Of(api, owner, "sme", smeId, "Talas Dairy", "verified"));

        var item = Assert.Single(await Inbox.ItemsAsync(owner));
        Assert.Equal(("profile_verified", "Your profile is verified"), (Inbox.Kind(item), item["title"]!.GetValue<string>()));
        Assert.Equal("“Talas Dairy” is verified: partners now see it and your needs are matched with them.", Inbox.Text(item));
        Assert.Equal((null, null, null), (Inbox.Id(item, "matchId"), Inbox.Id(item, "needId"), Inbox.Id(item, "partnerId")));
    }

    [Theory]
    [InlineData("en", "Your profile was not verified", "The agency's note: ")]
    [InlineData("ru", "Профиль не подтверждён", "Комментарий агентства: ")]
    [InlineData("zh", "资料未通过审核", "机构的说明：")]
    public async Task A_rejected_partner_reads_the_agencys_note_verbatim_in_its_language(string language, string title, string lead)
    {
        var (owner, partnerId) = await Create.PartnerAccountAsync(api, Bodies.Partner(name: "Linyi Bricks", nameZh: "临沂砖业", city: "linyi"));
        await SetLanguageAsync(owner, language);

        await ProfileDecisions.AnnounceAsync(api, ProfileDecisions.Of(api, owner, "partner", partnerId, "Linyi Bricks", "rejected", Note));

        var item = Assert.Single(await Inbox.ItemsAsync(owner));
        Assert.Equal(("profile_rejected", title), (Inbox.Kind(item), item["title"]!.GetValue<string>()));
        Assert.Contains(lead + Note, Inbox.Text(item));
        Assert.Contains("Linyi Bricks", Inbox.Text(item));
        Assert.Equal(partnerId, Inbox.Id(item, "partnerId"));
    }

    [Theory]
    [InlineData("sme", "ru", "теперь его видят партнёры")]
    [InlineData("partner", "ru", "теперь его видят МСП")]
    [InlineData("sme", "zh", "合作方现在可以看到它")]
    [InlineData("partner", "zh", "中小企业现在可以看到它")]
    [InlineData("partner", "en", "SMEs now see it and it is matched with their needs")]
    public async Task The_verified_text_names_the_side_that_now_sees_the_profile(string kind, string language, string says)
    {
        var (owner, profileId) = kind == "sme" ? await Create.SmeAccountAsync(api) : await Create.PartnerAccountAsync(api);
        await SetLanguageAsync(owner, language);

        await ProfileDecisions.AnnounceAsync(api, ProfileDecisions.Of(api, owner, kind, profileId, "Any Co.", "verified"));

        Assert.Contains(says, Inbox.Text(Assert.Single(await Inbox.ItemsAsync(owner))));
    }

    [Fact]
    public async Task A_deactivated_owner_is_told_nothing()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        await api.DeactivateAsync(owner);

        await ProfileDecisions.AnnounceAsync(api, ProfileDecisions.Of(api, owner, "sme", smeId, "Gone Co.", "rejected", Note));

        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.public_id = @Id", owner.UserId));
    }

    [Fact]
    public async Task A_rolled_back_decision_leaves_no_inbox_item_and_no_delivery()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api);
        await Expect.StatusAsync(await owner.Client.PostAsJsonAsync("/api/v1/webhooks",
            new JsonObject { ["url"] = "https://93.184.215.14/hooks/matchmaker", ["events"] = Bodies.Array("profile.verified") }), 201);

        await ProfileDecisions.AnnounceAsync(api, ProfileDecisions.Of(api, owner, "sme", smeId, "Undone Co.", "verified"), commit: false);

        Assert.Empty(await Inbox.ItemsAsync(owner));
        Assert.Equal(0, await CountAsync(
            "SELECT COUNT(*) FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN users u ON u.id = w.owner_user_id WHERE u.public_id = @Id", owner.UserId));
    }

    private async Task<long> CountAsync(string sql, Guid userId)
    {
        await using var connection = await api.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<long>(sql, new { Id = api.KeyOf(userId) });
    }
}

public sealed class ProfileNoticeTestsOnSqlite(SqliteApi api) : ProfileNoticeTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class ProfileNoticeTestsOnSqlServer : ProfileNoticeTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public ProfileNoticeTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
