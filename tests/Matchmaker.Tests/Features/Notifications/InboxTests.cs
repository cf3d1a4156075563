using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;

namespace Matchmaker.Tests.Features.Notifications;

public abstract class InboxTests<TApi>(TApi api) where TApi : ApiFixture
{
    protected TApi Api { get; } = api;

    [Theory]
    [InlineData("agency", 403)]
    [InlineData("admin", 403)]
    [InlineData("anonymous", 401)]
    public async Task Only_sme_and_partner_accounts_have_an_inbox(string caller, int status)
    {
        var client = caller == "anonymous" ? Api.CreateClient() : caller == "admin" ? (await Api.AdminAsync()).Client : (await Api.UserAsync(caller)).Client;

        await Expect.ProblemAsync(await client.GetAsync("/api/v1/inbox"), status);
        await Expect.ProblemAsync(await client.PostAsJsonAsync("/api/v1/inbox/read", new JsonObject { ["ids"] = new JsonArray(Guid.NewGuid().ToString()) }), status);
    }

    [Theory]
    [InlineData("sme")]
    [InlineData("partner")]
    public async Task A_new_account_has_an_empty_inbox_and_may_mark_items_read(string role)
    {
        var user = await Api.UserAsync(role);

        Assert.Empty(await Inbox.ItemsAsync(user));
        await Expect.StatusAsync(await Inbox.MarkReadAsync(user, new JsonObject { ["upTo"] = Guid.NewGuid().ToString() }), 204);
    }

    [Fact]
    public async Task A_new_match_is_announced_once_to_the_needs_owner_and_to_the_partner()
    {
        var cast = await NoticeCast.CreateAsync(Api, "B05");

        var toSme = Assert.Single(await Inbox.OfKindAsync(cast.Owner, "match_suggested"));
        var toPartner = Assert.Single(await Inbox.OfKindAsync(cast.Partner, "match_suggested"));

        foreach (var item in new[] { toSme, toPartner })
        {
            Assert.Equal((cast.MatchId, cast.NeedId, cast.PartnerId), (Inbox.Id(item, "matchId"), Inbox.Id(item, "needId"), Inbox.Id(item, "partnerId")));
            Assert.False(item["read"]!.GetValue<bool>());
            Assert.Contains("87.0", Inbox.Text(item));
        }

        Assert.Contains(NoticeCast.PartnerName, Inbox.Text(toSme));
        Assert.Contains(NoticeCast.SmeName, Inbox.Text(toPartner));
    }

    [Fact]
    public async Task A_suggestion_dropped_and_suggested_again_is_not_announced_twice()
    {
        var cast = await NoticeCast.CreateAsync(Api, "D35");
        var url = $"/api/v1/partners/{cast.PartnerId}";

        var read = await cast.Partner.Client.GetAsync(url);
        var profile = (await Expect.StatusAsync(read, 200)).AsObject();
        var away = NoticeCast.PartnerBody("U99");
        var moved = await cast.Partner.Client.PutAsync(url, away, read.ETag());
        await Expect.StatusAsync(moved, 200);
        Assert.Empty(await Paging.AllAsync(cast.Owner.Client, $"/api/v1/needs/{cast.NeedId}/matches", 100));

        var back = await cast.Partner.Client.PutAsync(url, NoticeCast.PartnerBody(cast.Sector), moved.ETag());
        await Expect.StatusAsync(back, 200);
        Assert.Single(await Paging.AllAsync(cast.Owner.Client, $"/api/v1/needs/{cast.NeedId}/matches", 100));

        Assert.Single(await Inbox.OfKindAsync(cast.Owner, "match_suggested"));
        Assert.Single(await Inbox.OfKindAsync(cast.Partner, "match_suggested"));
        Assert.NotNull(profile["id"]);
    }

    [Fact]
    public async Task Items_read_in_the_language_of_the_readers_preference_whatever_language_they_were_written_in()
    {
        var cast = await NoticeCast.CreateAsync(Api, "K64");
        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "interest");

        await Expect.StatusAsync(await cast.Partner.Client.PutAsJsonAsync("/api/v1/me/notifications",
            new JsonObject { ["email"] = "immediate", ["language"] = "ru", ["minScore"] = 70 }), 200);
        var russian = Assert.Single(await Inbox.OfKindAsync(cast.Partner, "interest_received"));
        await Expect.StatusAsync(await cast.Partner.Client.PutAsJsonAsync("/api/v1/me/notifications",
            new JsonObject { ["email"] = "immediate", ["language"] = "zh", ["minScore"] = 70 }), 200);
        var chinese = Assert.Single(await Inbox.OfKindAsync(cast.Partner, "interest_received"));

        Assert.Equal("Вами заинтересовались", russian["title"]!.GetValue<string>());
        Assert.Contains($"«{Bodies.Need()["title"]}»", Inbox.Text(russian));
        Assert.Equal("有人对您感兴趣", chinese["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_match_below_a_recipients_minimum_score_is_not_announced_to_that_recipient()
    {
        var (partner, _) = await Create.PartnerAccountAsync(Api, NoticeCast.PartnerBody("L68"));
        await Expect.StatusAsync(await partner.Client.PutAsJsonAsync("/api/v1/me/notifications",
            new JsonObject { ["email"] = "off", ["language"] = "en", ["minScore"] = 87.1 }), 200);
        var (owner, smeId) = await Create.SmeAccountAsync(Api, Bodies.Sme(sectors: ["L68"]));
        await Create.NeedAsync(owner, smeId);

        var toSme = Assert.Single(await Inbox.OfKindAsync(owner, "match_suggested"));
        Assert.Contains("87.0", Inbox.Text(toSme));
        Assert.Empty(await Inbox.ItemsAsync(partner));
    }

    [Fact]
    public async Task Without_an_smtp_host_nothing_is_queued_for_email()
    {
        var cast = await NoticeCast.CreateAsync(Api, "J62");
        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "interest");
        Assert.NotEmpty(await Inbox.ItemsAsync(cast.Partner));

        await using var connection = await Api.OpenDatabaseAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM email_outbox"));
    }

    [Fact]
    public async Task Each_party_hears_of_the_other_sides_actions_and_not_of_its_own()
    {
        var cast = await NoticeCast.CreateAsync(Api, "E36");

        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "interest");
        var interest = Assert.Single(await Inbox.OfKindAsync(cast.Partner, "interest_received"));
        Assert.Equal(cast.MatchId, Inbox.Id(interest, "matchId"));
        Assert.Contains(NoticeCast.SmeName, Inbox.Text(interest));
        Assert.Empty(await Inbox.OfKindAsync(cast.Owner, "interest_received"));

        await Matches.ActAsync(cast.Partner.Client, cast.MatchId, "interest");
        Assert.Single(await Inbox.OfKindAsync(cast.Owner, "mutual"));
        Assert.Single(await Inbox.OfKindAsync(cast.Partner, "mutual"));
        Assert.Empty(await Inbox.OfKindAsync(cast.Owner, "interest_received"));

        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "stage", new JsonObject { ["stage"] = "negotiation" });
        var stage = Assert.Single(await Inbox.OfKindAsync(cast.Partner, "stage_changed"));
        Assert.Equal("Moved to negotiation", stage["title"]!.GetValue<string>());
        Assert.Empty(await Inbox.OfKindAsync(cast.Owner, "stage_changed"));

        await Matches.ActAsync(cast.Partner.Client, cast.MatchId, "decline", new JsonObject { ["reason"] = "Found another supplier" });
        var declined = Assert.Single(await Inbox.OfKindAsync(cast.Owner, "declined"));
        Assert.Contains(NoticeCast.PartnerName, Inbox.Text(declined));
        Assert.Empty(await Inbox.OfKindAsync(cast.Partner, "declined"));
    }

    [Fact]
    public async Task Repeating_ones_own_interest_tells_nobody_again()
    {
        var cast = await NoticeCast.CreateAsync(Api, "F41");

        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "interest");
        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "interest");

        Assert.Single(await Inbox.OfKindAsync(cast.Partner, "interest_received"));
    }

    [Fact]
    public async Task A_deactivated_account_is_told_nothing()
    {
        var cast = await NoticeCast.CreateAsync(Api, "G46");
        var url = $"/api/v1/admin/users/{cast.Partner.UserId}";
        var read = await cast.Admin.Client.GetAsync(url);
        await Expect.StatusAsync(read, 200);
        var off = await cast.Admin.Client.PutAsync(url, new JsonObject { ["role"] = "partner", ["isActive"] = false }, read.ETag());
        await Expect.StatusAsync(off, 200);

        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "interest");

        await using var connection = await Api.OpenDatabaseAsync();
        var told = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.public_id = @Id AND n.kind = 'interest_received'",
            new { Id = Api.KeyOf(cast.Partner.UserId) });
        Assert.Equal(0, told);
    }

    [Fact]
    public async Task Unread_filters_and_marking_by_ids_or_up_to_an_item_changes_only_the_callers_items()
    {
        var cast = await NoticeCast.CreateAsync(Api, "H49");
        await Matches.ActAsync(cast.Partner.Client, cast.MatchId, "interest");
        var second = await cast.FreshMatchAsync();
        await Matches.ActAsync(cast.Partner.Client, second, "interest");
        var items = await Inbox.ItemsAsync(cast.Owner);
        Assert.Equal(["interest_received", "match_suggested", "interest_received", "match_suggested"], items.Select(Inbox.Kind));
        var ids = items.Select(i => i["id"]!.GetValue<string>()).ToList();
        var partnersItem = (await Inbox.ItemsAsync(cast.Partner))[0]["id"]!.GetValue<string>();

        await Expect.StatusAsync(await Inbox.MarkReadAsync(cast.Owner, new JsonObject { ["ids"] = new JsonArray(ids[0], partnersItem) }), 204);
        Assert.Equal(ids.Skip(1), (await Inbox.ItemsAsync(cast.Owner, "unread=true")).Select(i => i["id"]!.GetValue<string>()));
        Assert.Equal([ids[0]], (await Inbox.ItemsAsync(cast.Owner, "unread=false")).Select(i => i["id"]!.GetValue<string>()));
        Assert.All(await Inbox.ItemsAsync(cast.Partner), i => Assert.False(i["read"]!.GetValue<bool>()));

        await Expect.StatusAsync(await Inbox.MarkReadAsync(cast.Owner, new JsonObject { ["upTo"] = ids[2] }), 204);
        Assert.Equal([ids[1]], (await Inbox.ItemsAsync(cast.Owner, "unread=true")).Select(i => i["id"]!.GetValue<string>()));

        await Expect.StatusAsync(await Inbox.MarkReadAsync(cast.Partner, new JsonObject { ["upTo"] = ids[1] }), 204);
        Assert.Equal([ids[1]], (await Inbox.ItemsAsync(cast.Owner, "unread=true")).Select(i => i["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_inbox_pages_newest_first_without_losing_or_repeating_an_item()
    {
        var cast = await NoticeCast.CreateAsync(Api, "I55");
        for (var i = 0; i < 4; i++)
            await Matches.ActAsync(cast.Partner.Client, await cast.FreshMatchAsync(), "interest");
        var all = (await Inbox.ItemsAsync(cast.Owner)).Select(i => i["id"]!.GetValue<string>()).ToList();

        var walked = await Paging.WalkAsync(cast.Owner.Client, "/api/v1/inbox?limit=3", 3);

        Assert.Equal(all, walked);
        Assert.Equal(9, all.Count);
    }

    [Theory]
    [InlineData("{}", "ids")]
    [InlineData("{\"ids\": [], \"upTo\": null}", "ids")]
    [InlineData("{\"ids\": [\"9b2b7c3e-4a1d-4c8e-9f00-0a1b2c3d4e5f\"], \"upTo\": \"9b2b7c3e-4a1d-4c8e-9f00-0a1b2c3d4e5f\"}", "ids")]
    [InlineData("{\"ids\": [\"not-a-uuid\"]}", "ids[0]")]
    [InlineData("{\"upTo\": 12}", "upTo")]
    [InlineData("{\"read\": true}", "read")]
    public async Task Marking_read_with_a_bad_body_is_refused(string body, string field)
    {
        var user = await Api.UserAsync("sme");

        await Expect.ProblemAsync(await user.Client.PostAsync("/api/v1/inbox/read", new StringContent(body, System.Text.Encoding.UTF8, "application/json")), 400, field);
    }

    [Fact]
    public async Task Marking_more_than_a_page_of_ids_is_refused()
    {
        var user = await Api.UserAsync("partner");
        var ids = new JsonArray(Enumerable.Range(0, 101).Select(_ => (JsonNode?)Guid.NewGuid().ToString()).ToArray());

        await Expect.ProblemAsync(await Inbox.MarkReadAsync(user, new JsonObject { ["ids"] = ids }), 400, "ids");
    }

    [Theory]
    [InlineData("unread=maybe", "unread")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=abc", "cursor")]
    public async Task Listing_with_a_bad_query_is_refused(string query, string field)
    {
        var user = await Api.UserAsync("sme");

        await Expect.ProblemAsync(await user.Client.GetAsync($"/api/v1/inbox?{query}"), 400, field);
    }
}

public sealed class InboxTestsOnSqlite(SqliteApi api) : InboxTests<SqliteApi>(api), IClassFixture<SqliteApi>;

public sealed class InboxTestsOnSqlServer : InboxTests<SqlServerApi>, IClassFixture<SqlServerApi>
{
    public InboxTestsOnSqlServer(SqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
