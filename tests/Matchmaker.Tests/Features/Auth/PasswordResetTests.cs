using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Matchmaker.Tests.Features.Notifications.Email;

namespace Matchmaker.Tests.Features.Auth;

/// <summary>A mailed single-use link sets a new password, ends every other reset link and every earlier access token.</summary>
public abstract class PasswordResetTests<TApi>(TApi api) where TApi : ApiFixture, IMailApi
{
    private const string Reset = "reset-password";
    private const string NewPassword = "a-brand-new-passphrase";

    private Task<HttpResponseMessage> RequestAsync(string email) =>
        api.CreateClient().PostAsJsonAsync("/api/v1/auth/password-reset", new { email });

    private Task<HttpResponseMessage> ConfirmAsync(string token, string newPassword = NewPassword) =>
        api.CreateClient().PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword });

    private Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password });

    [Fact]
    public async Task A_reset_link_sets_the_new_password_and_ends_earlier_tokens_and_links()
    {
        var user = await api.UserAsync("sme");
        await Expect.StatusAsync(await RequestAsync(user.Email), 202);
        var first = await AccountMail.TokenAsync(api.Smtp, user.Email, Reset);
        await Expect.StatusAsync(await RequestAsync(user.Email.ToUpperInvariant()), 202);
        var second = await AccountMail.TokenAsync(api.Smtp, user.Email, Reset, count: 2);
        var mail = api.Smtp.Received.First(m => AccountMail.To(m, user.Email) && m.TextBody!.Contains(first, StringComparison.Ordinal));
        Assert.Equal("Reset your Matchmaker password", mail.Subject);
        Assert.Contains($"{AccountMail.PublicUrl}/reset-password?token={first}", mail.TextBody);

        await Expect.StatusAsync(await ConfirmAsync(first), 204);

        await Expect.ProblemAsync(await SignInAsync(user.Email, ApiFixture.Password), 401);
        var renewed = await api.SignInAsync(user.Email, NewPassword, "sme");
        await Expect.ProblemAsync(await user.Client.GetAsync("/api/v1/auth/me"), 401);
        await Expect.ProblemAsync(await ConfirmAsync(first, "yet-another-passphrase"), 400, "token");
        await Expect.ProblemAsync(await ConfirmAsync(second, "yet-another-passphrase"), 400, "token");
        await api.SignInAsync(user.Email, NewPassword, "sme");
        var me = await Expect.StatusAsync(await renewed.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.True(me["emailVerified"]!.GetValue<bool>(), "the link reached the address, so it counts as verified");
    }

    [Fact]
    public async Task A_reset_is_audited_as_the_accounts_own_act()
    {
        var user = await api.UserAsync("partner");
        await Expect.StatusAsync(await RequestAsync(user.Email), 202);
        await Expect.StatusAsync(await ConfirmAsync(await AccountMail.TokenAsync(api.Smtp, user.Email, Reset)), 204);

        var admin = await api.AdminAsync();
        var entries = await Paging.AllAsync(admin.Client, $"/api/v1/audit?action=user.password_reset&actor={user.UserId}", 20);

        var entry = Assert.Single(entries);
        Assert.Equal("partner", entry["actorRole"]!.GetValue<string>());
        Assert.Equal(user.UserId.ToString(), entry["targetId"]!.GetValue<string>());
        Assert.Equal("user", entry["targetType"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_expired_reset_link_is_refused_and_the_password_stays()
    {
        var user = await api.UserAsync("sme");
        await Expect.StatusAsync(await RequestAsync(user.Email), 202);
        var token = await AccountMail.TokenAsync(api.Smtp, user.Email, Reset);

        var past = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1);
        api.Clock.Advance(past);
        try
        {
            await Expect.ProblemAsync(await ConfirmAsync(token), 400, "token");
        }
        finally
        {
            api.Clock.Advance(-past);
        }

        await Expect.StatusAsync(await user.Client.GetAsync("/api/v1/auth/me"), 200);
        await api.SignInAsync(user.Email, ApiFixture.Password, "sme");
    }

    [Fact]
    public async Task Known_unknown_and_deactivated_addresses_get_the_same_answer_and_only_the_known_one_a_mail()
    {
        var known = await api.UserAsync("sme");
        var deactivated = await api.UserAsync("partner");
        await api.DeactivateAsync(deactivated);
        var unknown = api.UniqueEmail("nobody");

        var answers = new List<(int Status, string Body, string? Type)>();
        foreach (var email in new[] { known.Email, unknown, deactivated.Email })
        {
            var response = await RequestAsync(email);
            answers.Add(((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString()));
        }

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(202, answers[0].Status);
        await AccountMail.TokenAsync(api.Smtp, known.Email, Reset);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(api.Smtp.Received, m => AccountMail.To(m, unknown));
        Assert.DoesNotContain(api.Smtp.Received, m => AccountMail.To(m, deactivated.Email) && m.TextBody!.Contains("/reset-password?", StringComparison.Ordinal));
        await using var connection = await api.OpenDatabaseAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM account_tokens t JOIN users u ON u.id = t.user_id WHERE u.public_id = @Id AND t.purpose = 'password_reset'",
            new { Id = api.KeyOf(deactivated.UserId) }));
    }

    [Fact]
    public async Task A_link_of_an_account_deactivated_since_is_refused()
    {
        var user = await api.UserAsync("sme");
        await Expect.StatusAsync(await RequestAsync(user.Email), 202);
        var token = await AccountMail.TokenAsync(api.Smtp, user.Email, Reset);
        await api.DeactivateAsync(user);

        await Expect.ProblemAsync(await ConfirmAsync(token), 400, "token");
    }

    [Fact]
    public async Task A_new_password_that_breaks_the_rule_is_a_400_and_leaves_the_link_usable()
    {
        var user = await api.UserAsync("sme");
        await Expect.StatusAsync(await RequestAsync(user.Email), 202);
        var token = await AccountMail.TokenAsync(api.Smtp, user.Email, Reset);

        await Expect.ProblemAsync(await ConfirmAsync(token, "short-pass1"), 400, "newPassword");
        await Expect.ProblemAsync(await ConfirmAsync(token, new string('p', 129)), 400, "newPassword");
        await Expect.StatusAsync(await user.Client.GetAsync("/api/v1/auth/me"), 200);

        await Expect.StatusAsync(await ConfirmAsync(token), 204);
    }

    [Fact]
    public async Task Bad_bodies_are_400_problems()
    {
        var client = api.CreateClient();

        await Expect.ProblemAsync(await RequestAsync("not-an-email"), 400, "email");
        await Expect.ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/password-reset", new JsonObject()), 400, "email");
        await Expect.ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/password-reset", new JsonObject { ["email"] = "a@b.example", ["role"] = "admin" }), 400);
        await Expect.ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new JsonObject { ["newPassword"] = NewPassword }), 400, "token");
        await Expect.ProblemAsync(await ConfirmAsync("with spaces and far too long for a token of forty-three characters"), 400, "token");
        await Expect.ProblemAsync(await client.PostAsync("/api/v1/auth/password-reset/confirm", new StringContent("{\"token\":", System.Text.Encoding.UTF8, "application/json")), 400);
    }
}

public sealed class PasswordResetTestsOnSqlite(AccountMailSqliteApi api) : PasswordResetTests<AccountMailSqliteApi>(api), IClassFixture<AccountMailSqliteApi>;

public sealed class PasswordResetTestsOnSqlServer : PasswordResetTests<AccountMailSqlServerApi>, IClassFixture<AccountMailSqlServerApi>
{
    public PasswordResetTestsOnSqlServer(AccountMailSqlServerApi api) : base(api) => api.SkipWhenUnavailable();
}
