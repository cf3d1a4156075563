using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MimeKit;

namespace Matchmaker.Tests.Features.Notifications.Email;

/// <summary>An agency's decision on a profile, taken through the API, is mailed to its owner like every inbox item: once, in the owner's language.</summary>
public abstract class ProfileNoticeEmailTests<TApi>(TApi api) where TApi : ApiFixture, IMailApi
{
    [Fact]
    public async Task A_rejection_is_mailed_once_in_the_owners_language_quoting_the_note()
    {
        const string note = "ИНН не совпадает с реестром.";
        var (owner, smeId) = await Create.SmeAccountAsync(api, Bodies.Sme(name: "Batken Apricots"));
        await Expect.StatusAsync(await owner.Client.PutAsJsonAsync("/api/v1/me/notifications",
            new JsonObject { ["email"] = "immediate", ["language"] = "ru", ["minScore"] = 70 }), 200);

        var agency = await api.UserAsync("agency");
        await Expect.StatusAsync(await Verification.Vet.DecideAsync(agency, "sme", smeId, "rejected", note), 200);

        var mail = Assert.Single(await api.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == owner.Email) && m.Subject == "Профиль не подтверждён"));
        Assert.Contains("«Batken Apricots» не подтверждён. Комментарий агентства: " + note, mail.TextBody);
        Assert.Equal("ru", mail.Body!.Headers[HeaderId.ContentLanguage]);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Single(api.Smtp.Received, m => m.To.Mailboxes.Any(b => b.Address == owner.Email) && m.Subject == "Профиль не подтверждён");
    }
}

public sealed class ProfileNoticeEmailTestsOnSqlite(MailSqliteApi api) : ProfileNoticeEmailTests<MailSqliteApi>(api), IClassFixture<MailSqliteApi>;

public sealed class ProfileNoticeEmailTestsOnSqlServer : ProfileNoticeEmailTests<MailSqlServerApi>, IClassFixture<MailSqlServerApi>
{
    public ProfileNoticeEmailTestsOnSqlServer(MailSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
