using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using MimeKit;

namespace Matchmaker.Tests.Features.Notifications.Email;

/// <summary>Inbox items reach a real SMTP server: once each, through outages and restarts.</summary>
public abstract class EmailTests<TApi>(TApi api) where TApi : ApiFixture, IMailApi
{
    /// <summary>A mail to the address about its inbox, not the verification link its registration mailed.</summary>
    private static bool About(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => m.Address == address) && !Body(message).Contains("/verify-email?token=", StringComparison.Ordinal);

    private static string Body(MimeMessage message) => message.TextBody ?? "";

    private async Task<(string Status, int Attempts, string? Error)[]> OutboxOfAsync(Guid userId)
    {
        await using var connection = await api.OpenDatabaseAsync();
        return [.. await connection.QueryAsync<(string, int, string?)>(
            "SELECT o.status, o.attempts, o.last_error FROM email_outbox o JOIN users u ON u.id = o.user_id WHERE u.public_id = @Id AND o.account_token_id IS NULL ORDER BY o.id",
            new { Id = api.KeyOf(userId) })];
    }

    [Fact]
    public async Task Every_inbox_item_reaches_the_smtp_server_once_with_its_title_as_subject_and_a_link_to_the_match()
    {
        var cast = await NoticeCast.CreateAsync(api, "B05");
        await Matches.ActAsync(cast.Partner.Client, cast.MatchId, "interest");

        var items = await Inbox.ItemsAsync(cast.Owner);
        var mails = await api.Smtp.WaitForAsync(m => About(m, cast.Owner.Email), items.Count);
        await Task.Delay(1000, TestContext.Current.CancellationToken);

        Assert.Equal(items.Count, api.Smtp.Received.Count(m => About(m, cast.Owner.Email)));
        Assert.Equal(items.Select(i => i["title"]!.GetValue<string>()).Order(), mails.Select(m => m.Subject).Order());
        var interest = Assert.Single(mails, m => m.Subject == "Someone is interested");
        Assert.Contains($"{MailSettings.LinkBase}api/v1/matches/{cast.MatchId}", Body(interest));
        Assert.Contains(NoticeCast.PartnerName, Body(interest));
        Assert.Equal("noreply@matchmaker.example", interest.From.Mailboxes.Single().Address);
        Assert.Equal("en", interest.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.All(await OutboxOfAsync(cast.Owner.UserId), o => Assert.Equal(("sent", 1), (o.Status, o.Attempts)));
        Assert.Single(await api.Smtp.WaitForAsync(m => About(m, cast.Partner.Email)));
    }

    [Fact]
    public async Task Mail_waits_through_an_smtp_outage_and_goes_out_once_when_the_server_is_back()
    {
        var cast = await NoticeCast.CreateAsync(api, "D35");
        await api.Smtp.WaitForAsync(m => About(m, cast.Partner.Email));
        await api.Smtp.StopAsync();
        try
        {
            await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "interest");
            await WaitUntilAsync(async () => (await OutboxOfAsync(cast.Partner.UserId)).Any(o => o is { Status: "pending", Attempts: > 0, Error: not null }));
        }
        finally
        {
            api.Smtp.Start();
        }

        await api.Smtp.WaitForAsync(m => About(m, cast.Partner.Email) && m.Subject == "Someone is interested");
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Single(api.Smtp.Received, m => About(m, cast.Partner.Email) && m.Subject == "Someone is interested");
        Assert.All(await OutboxOfAsync(cast.Partner.UserId), o => Assert.Equal("sent", o.Status));
    }

    [Fact]
    public async Task A_restart_before_the_mail_went_out_loses_nothing_and_sends_nothing_twice()
    {
        var cast = await NoticeCast.CreateAsync(api, "E36");
        await api.Smtp.WaitForAsync(m => About(m, cast.Owner.Email));
        await api.Smtp.StopAsync();
        try
        {
            await Matches.ActAsync(cast.Partner.Client, cast.MatchId, "interest");
            await api.RestartAsync();
        }
        finally
        {
            api.Smtp.Start();
        }

        await api.Smtp.WaitForAsync(m => About(m, cast.Owner.Email) && m.Subject == "Someone is interested");
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Equal(2, api.Smtp.Received.Count(m => About(m, cast.Owner.Email)));
        Assert.All(await OutboxOfAsync(cast.Owner.UserId), o => Assert.Equal("sent", o.Status));
    }

    [Fact]
    public async Task Mail_follows_the_recipients_preference_language_or_is_not_sent_at_all()
    {
        var cast = await NoticeCast.CreateAsync(api, "H49");
        await api.Smtp.WaitForAsync(m => About(m, cast.Partner.Email));
        await Expect.StatusAsync(await cast.Partner.Client.PutAsJsonAsync("/api/v1/me/notifications",
            new JsonObject { ["email"] = "immediate", ["language"] = "zh", ["minScore"] = 70 }), 200);
        await Expect.StatusAsync(await cast.Owner.Client.PutAsJsonAsync("/api/v1/me/notifications",
            new JsonObject { ["email"] = "off", ["language"] = "ru", ["minScore"] = 70 }), 200);

        await Matches.ActAsync(cast.Owner.Client, cast.MatchId, "interest");
        await Matches.ActAsync(cast.Partner.Client, cast.MatchId, "interest");

        var chinese = await api.Smtp.WaitForAsync(m => About(m, cast.Partner.Email), 3);
        Assert.Equal(new[] { "有人对您感兴趣", "双方均有意向" }.Order(), chinese.Skip(1).Select(m => m.Subject).Order());
        Assert.All(chinese.Skip(1), m => Assert.Equal("zh", m.Body!.Headers[HeaderId.ContentLanguage]));
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Single(api.Smtp.Received, m => About(m, cast.Owner.Email));
        Assert.Single(await OutboxOfAsync(cast.Owner.UserId));
        Assert.Contains(await Inbox.ItemsAsync(cast.Owner), i => Inbox.Kind(i) == "mutual");
    }

    [Fact]
    public async Task An_account_that_chose_daily_gets_one_digest_of_the_days_items_and_no_mail_for_each()
    {
        var (owner, smeId) = await Create.SmeAccountAsync(api, Bodies.Sme(sectors: ["I55"]));
        var (partner, partnerId) = await Create.PartnerAccountAsync(api, NoticeCast.PartnerBody("J62"));
        var day = TimeSpan.FromDays(1);
        api.Clock.Advance(-day);
        try
        {
            await Expect.StatusAsync(await owner.Client.PutAsJsonAsync("/api/v1/me/notifications",
                new JsonObject { ["email"] = "daily", ["language"] = "en", ["minScore"] = 70 }), 200);
            var needId = await Create.NeedAsync(owner, smeId);
            var url = $"/api/v1/partners/{partnerId}";
            var read = await partner.Client.GetAsync(url);
            await Expect.StatusAsync(read, 200);
            await Expect.StatusAsync(await partner.Client.PutAsync(url, NoticeCast.PartnerBody("I55"), read.ETag()), 200);
            await Matches.ActAsync(partner.Client, await Matches.IdAsync(owner.Client, needId, partnerId), "interest");
        }
        finally
        {
            api.Clock.Advance(day);
        }

        var digest = Assert.Single(await api.Smtp.WaitForAsync(m => About(m, owner.Email)));
        await Task.Delay(1500, TestContext.Current.CancellationToken);

        Assert.Single(api.Smtp.Received, m => About(m, owner.Email));
        Assert.Equal("Matchmaker: 2 updates today", digest.Subject);
        var items = await Inbox.ItemsAsync(owner);
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Contains("• " + i["title"]!.GetValue<string>(), Body(digest)));
        Assert.Contains($"{MailSettings.LinkBase}api/v1/matches/", Body(digest));
        Assert.True(Body(digest).IndexOf("A new match", StringComparison.Ordinal) < Body(digest).IndexOf("Someone is interested", StringComparison.Ordinal),
            "the digest lists the items in the order they happened");
    }

    [Fact]
    public async Task A_deactivated_account_gets_no_mail()
    {
        var cast = await NoticeCast.CreateAsync(api, "F41");
        await api.Smtp.WaitForAsync(m => About(m, cast.Owner.Email));
        var url = $"/api/v1/admin/users/{cast.Owner.UserId}";
        var read = await cast.Admin.Client.GetAsync(url);
        await Expect.StatusAsync(read, 200);
        await Expect.StatusAsync(await cast.Admin.Client.PutAsync(url, new JsonObject { ["role"] = "sme", ["isActive"] = false }, read.ETag()), 200);

        await Matches.ActAsync(cast.Partner.Client, cast.MatchId, "interest");
        await Task.Delay(1500, TestContext.Current.CancellationToken);

        Assert.Single(api.Smtp.Received, m => About(m, cast.Owner.Email));
        Assert.Single(await OutboxOfAsync(cast.Owner.UserId));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never held");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

public sealed class EmailTestsOnSqlite(MailSqliteApi api) : EmailTests<MailSqliteApi>(api), IClassFixture<MailSqliteApi>;

public sealed class EmailTestsOnSqlServer : EmailTests<MailSqlServerApi>, IClassFixture<MailSqlServerApi>
{
    public EmailTestsOnSqlServer(MailSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
