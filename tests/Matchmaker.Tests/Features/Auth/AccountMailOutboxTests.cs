using System.Net.Http.Json;
using Dapper;
using Matchmaker.Tests.Features.Notifications.Email;

namespace Matchmaker.Tests.Features.Auth;

/// <summary>Account mail waits in the outbox through an SMTP outage; a link ended before its mail went out is not sent at all.</summary>
public sealed class AccountMailOutboxTests(AccountMailSqliteApi api) : IClassFixture<AccountMailSqliteApi>
{
    [Fact]
    public async Task A_link_resent_during_an_outage_goes_out_alone_once_the_server_is_back()
    {
        await api.Smtp.StopAsync();
        string email;
        try
        {
            email = await AccountMail.RegisterAsync(api);
            var owner = await api.SignInAsync(email, ApiFixture.Password, "sme");
            await Expect.StatusAsync(await owner.Client.PostAsync("/api/v1/auth/verify-email/resend", null), 202);
        }
        finally
        {
            api.Smtp.Start();
        }

        var token = await AccountMail.TokenAsync(api.Smtp, email, "verify-email");
        await Task.Delay(1500, TestContext.Current.CancellationToken);

        Assert.Single(api.Smtp.Received, m => AccountMail.To(m, email));
        await Expect.StatusAsync(await api.CreateClient().PostAsJsonAsync("/api/v1/auth/verify-email", new { token }), 204);
        await using var connection = await api.OpenDatabaseAsync();
        Assert.Equal(["sent"], await connection.QueryAsync<string>(
            "SELECT o.status FROM email_outbox o JOIN users u ON u.id = o.user_id WHERE u.email = @Email", new { Email = email }));
    }
}

/// <summary>Without <c>Email:SmtpHost</c> no token is made and nothing is queued; resending answers 202 and sends nothing.</summary>
public sealed class AccountMailOffTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Without_email_registration_and_reset_queue_nothing()
    {
        var email = await AccountMail.RegisterAsync(api);
        var owner = await api.SignInAsync(email, ApiFixture.Password, "sme");
        await Expect.StatusAsync(await owner.Client.PostAsync("/api/v1/auth/verify-email/resend", null), 202);
        await Expect.StatusAsync(await api.CreateClient().PostAsJsonAsync("/api/v1/auth/password-reset", new { email }), 202);

        await using var connection = await api.OpenDatabaseAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM account_tokens"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM email_outbox"));
        var me = await Expect.StatusAsync(await owner.Client.GetAsync("/api/v1/auth/me"), 200);
        Assert.False(me["emailVerified"]!.GetValue<bool>());
    }
}
