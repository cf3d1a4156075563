using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Api.Features.Users;
using Matchmaker.Tests.Features.Notifications.Email;
using MimeKit;

namespace Matchmaker.Tests.Features.Auth;

/// <summary>Registration mails a single-use link; its token verifies the address once, until it expires or a newer link ends it.</summary>
public abstract class EmailVerificationTests<TApi>(TApi api) where TApi : ApiFixture, IMailApi
{
    private const string Verify = "verify-email";

    private async Task<bool> EmailVerifiedAsync(Actor actor) =>
        (await Expect.StatusAsync(await actor.Client.GetAsync("/api/v1/auth/me"), 200))["emailVerified"]!.GetValue<bool>();

    private Task<HttpResponseMessage> VerifyAsync(string token) =>
        api.CreateClient().PostAsJsonAsync("/api/v1/auth/verify-email", new { token });

    [Fact]
    public async Task Registering_mails_a_link_whose_token_verifies_the_address_once()
    {
        var email = await AccountMail.RegisterAsync(api);
        var owner = await api.SignInAsync(email, ApiFixture.Password, "sme");
        Assert.False(await EmailVerifiedAsync(owner));

        var mail = Assert.Single(await api.Smtp.WaitForAsync(m => AccountMail.To(m, email)));
        var token = AccountMail.Token(mail, Verify);
        Assert.Contains($"{AccountMail.PublicUrl}/verify-email?token={token}", mail.TextBody);
        Assert.Equal("Confirm your e-mail address for Matchmaker", mail.Subject);
        Assert.Equal(43, token.Length);

        await Expect.StatusAsync(await VerifyAsync(token), 204);
        Assert.True(await EmailVerifiedAsync(owner));
        await Expect.ProblemAsync(await VerifyAsync(token), 400, "token");
        await Expect.ProblemAsync(await owner.Client.PostAsync("/api/v1/auth/verify-email/resend", null), 409);
    }

    [Fact]
    public async Task The_read_other_areas_gate_on_says_whether_the_address_is_verified()
    {
        var email = await AccountMail.RegisterAsync(api);
        var token = await AccountMail.TokenAsync(api.Smtp, email, Verify);
        await using var connection = await api.OpenDatabaseAsync();
        var id = await connection.ExecuteScalarAsync<long>("SELECT id FROM users WHERE email = @Email", new { Email = email });
        var ct = TestContext.Current.CancellationToken;

        Assert.False(await UserAccounts.EmailVerifiedAsync(connection, id, null, ct));
        await Expect.StatusAsync(await VerifyAsync(token), 204);
        Assert.True(await UserAccounts.EmailVerifiedAsync(connection, id, null, ct));
        Assert.False(await UserAccounts.EmailVerifiedAsync(connection, long.MaxValue, null, ct));
    }

    [Fact]
    public async Task The_token_is_stored_only_as_its_sha256()
    {
        var email = await AccountMail.RegisterAsync(api);
        var token = await AccountMail.TokenAsync(api.Smtp, email, Verify);

        await using var connection = await api.OpenDatabaseAsync();
        var hashes = (await connection.QueryAsync<string?>(
            "SELECT t.token_hash FROM account_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = @Email", new { Email = email })).ToList();
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), Assert.Single(hashes));
        var outbox = await connection.QuerySingleAsync<(string? LinkBase, string? Error)>(
            "SELECT o.link_base, o.last_error FROM email_outbox o JOIN users u ON u.id = o.user_id WHERE u.email = @Email", new { Email = email });
        Assert.Equal(AccountMail.PublicUrl, outbox.LinkBase);
        Assert.DoesNotContain(token, outbox.Error ?? "");
    }

    [Fact]
    public async Task The_mail_is_in_the_registrations_language()
    {
        var email = await AccountMail.RegisterAsync(api, "partner", "zh-CN,zh;q=0.9,en;q=0.5");

        var mail = Assert.Single(await api.Smtp.WaitForAsync(m => AccountMail.To(m, email)));

        Assert.Equal("请确认您在 Matchmaker 的电子邮件地址", mail.Subject);
        Assert.Equal("zh", mail.Body!.Headers[HeaderId.ContentLanguage]);
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_verifies_nothing()
    {
        var email = await AccountMail.RegisterAsync(api);
        var token = await AccountMail.TokenAsync(api.Smtp, email, Verify);
        var owner = await api.SignInAsync(email, ApiFixture.Password, "sme");

        var past = TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1);
        api.Clock.Advance(past);
        try
        {
            await Expect.ProblemAsync(await VerifyAsync(token), 400, "token");
        }
        finally
        {
            api.Clock.Advance(-past);
        }

        Assert.False(await EmailVerifiedAsync(owner));
    }

    [Fact]
    public async Task Resending_mails_a_new_link_and_ends_the_earlier_one()
    {
        var email = await AccountMail.RegisterAsync(api, "partner");
        var first = await AccountMail.TokenAsync(api.Smtp, email, Verify);
        var owner = await api.SignInAsync(email, ApiFixture.Password, "partner");

        await Expect.StatusAsync(await owner.Client.PostAsync("/api/v1/auth/verify-email/resend", null), 202);
        var second = await AccountMail.TokenAsync(api.Smtp, email, Verify, count: 2);

        Assert.NotEqual(first, second);
        await Expect.ProblemAsync(await VerifyAsync(first), 400, "token");
        Assert.False(await EmailVerifiedAsync(owner));
        await Expect.StatusAsync(await VerifyAsync(second), 204);
        Assert.True(await EmailVerifiedAsync(owner));
    }

    [Fact]
    public async Task An_unknown_or_malformed_token_is_one_400_on_token()
    {
        var unknown = await Expect.ProblemAsync(await VerifyAsync(new string('A', 43)), 400, "token");
        var malformed = await Expect.ProblemAsync(await VerifyAsync("not a token"), 400, "token");

        Assert.Equal(unknown["errors"]!.ToJsonString(), malformed["errors"]!.ToJsonString());
        await Expect.ProblemAsync(await api.CreateClient().PostAsJsonAsync("/api/v1/auth/verify-email", new JsonObject()), 400, "token");
        await Expect.ProblemAsync(await api.CreateClient().PostAsJsonAsync("/api/v1/auth/verify-email", new JsonObject { ["token"] = 42 }), 400);
    }

    [Fact]
    public async Task Accounts_an_admin_creates_start_verified_and_get_no_link()
    {
        var agency = await api.UserAsync("agency");
        var admin = await api.AdminAsync();

        Assert.True(await EmailVerifiedAsync(agency));
        Assert.True(await EmailVerifiedAsync(admin));
        var read = await Expect.StatusAsync(await admin.Client.GetAsync($"/api/v1/admin/users/{agency.UserId}"), 200);
        Assert.True(read["emailVerified"]!.GetValue<bool>());
        await Expect.ProblemAsync(await agency.Client.PostAsync("/api/v1/auth/verify-email/resend", null), 403);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(api.Smtp.Received, m => AccountMail.To(m, agency.Email));
    }

    [Fact]
    public async Task The_admins_user_list_says_whether_each_address_is_verified()
    {
        var email = await AccountMail.RegisterAsync(api);
        var admin = await api.AdminAsync();

        var items = await Paging.AllAsync(admin.Client, "/api/v1/admin/users?role=sme", 100);

        Assert.False(items.Single(i => i["email"]!.GetValue<string>() == email)["emailVerified"]!.GetValue<bool>());
    }
}

public sealed class EmailVerificationTestsOnSqlite(AccountMailSqliteApi api) : EmailVerificationTests<AccountMailSqliteApi>(api), IClassFixture<AccountMailSqliteApi>;

public sealed class EmailVerificationTestsOnSqlServer : EmailVerificationTests<AccountMailSqlServerApi>, IClassFixture<AccountMailSqlServerApi>
{
    public EmailVerificationTestsOnSqlServer(AccountMailSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}

/// <summary>Without <c>App:PublicUrl</c> a link starts with the scheme and host of the request that caused the mail.</summary>
public sealed class DefaultLinkBaseTests(MailSqliteApi api) : IClassFixture<MailSqliteApi>
{
    [Fact]
    public async Task Without_a_public_url_the_link_points_at_the_host_the_registration_came_to()
    {
        var email = await AccountMail.RegisterAsync(api);

        var mail = Assert.Single(await api.Smtp.WaitForAsync(m => AccountMail.To(m, email)));

        Assert.Equal("http://localhost", AccountMail.Link().Match(mail.TextBody!).Groups["base"].Value);
    }
}
