using System.Net.Http.Json;
using Dapper;
using Matchmaker.Api.Features.Auth;
using Matchmaker.Api.Features.Notifications.Email;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Matchmaker.Tests.Features.Auth;

/// <summary>
/// A reset request must not tell whether an address is an account's. Its handler counts the sign-in limit, then
/// hands the address to <see cref="AccountTokenMail"/> in one transaction and answers 202, with no branch of its
/// own; so the test runs that step for each kind of address and compares the statements it sends the database and
/// the rows they write to account_tokens (one in every case: a commit that writes costs far more than one that does
/// not, which <see cref="PasswordResetTimingTests"/> measures). No password is hashed on any path.
/// </summary>
public sealed class PasswordResetWorkTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static readonly AccountTokenMail MailOn = new(
        EmailOptions.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:SmtpHost"] = "smtp.example.test",
            ["Email:From"] = "Matchmaker <noreply@matchmaker.example>",
        }).Build()),
        AccountTokenOptions.Defaults);

    [Fact]
    public async Task A_known_an_unknown_and_a_deactivated_address_send_the_same_statements()
    {
        var known = await api.UserAsync("sme");
        var deactivated = await api.UserAsync("partner");
        await api.DeactivateAsync(deactivated);

        var known1 = await StatementsAsync(known.Email);
        var unknown = await StatementsAsync(api.UniqueEmail("nobody"));
        var inactive = await StatementsAsync(deactivated.Email);

        Assert.NotEmpty(known1);
        Assert.Equal(known1, unknown);
        Assert.Equal(known1, inactive);
        Assert.Equal(1, await ResetTokensAsync(known.UserId));
        Assert.Equal(0, await ResetTokensAsync(deactivated.UserId));
    }

    /// <summary>The statements one request sends; each request also writes exactly one token row, for an account or for none.</summary>
    private async Task<List<string>> StatementsAsync(string email)
    {
        var before = await TokenRowsAsync();
        await using var raw = await api.OpenDatabaseAsync();
        var connection = new CountingConnection(raw);
        var cause = new DefaultHttpContext().Request;
        cause.Scheme = "https";
        cause.Host = new HostString("api.matchmaker.example");
        await using (var tx = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            await MailOn.QueueAsync(connection, tx, AccountTokens.Purposes.PasswordReset, email, cause, DateTime.UtcNow, TestContext.Current.CancellationToken);
            await tx.CommitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(before + 1, await TokenRowsAsync());
        return connection.Commands;
    }

    private async Task<int> TokenRowsAsync()
    {
        await using var connection = await api.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM account_tokens");
    }

    private async Task<int> ResetTokensAsync(Guid userId)
    {
        await using var connection = await api.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM account_tokens t JOIN users u ON u.id = t.user_id WHERE u.public_id = @Id AND t.purpose = 'password_reset'",
            new { Id = api.KeyOf(userId) });
    }
}
