using Matchmaker.Api.Features.Audit;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Users;

/// <summary>Creates the first admin from Bootstrap:AdminEmail / Bootstrap:AdminPassword when that account does not exist yet.</summary>
internal sealed class BootstrapAdmin(SqlDialect dialect, IConfiguration configuration, ILoggerFactory loggers) : IStartupSeed
{
    public async Task SeedAsync(DbConnection connection, DateTime now, CancellationToken ct)
    {
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email))
            return;
        if (string.IsNullOrEmpty(password) || password.Length < UserAccounts.MinPasswordLength)
            throw new InvalidOperationException(
                $"Bootstrap:AdminPassword must be set to at least {UserAccounts.MinPasswordLength} characters when Bootstrap:AdminEmail is set.");

        if (!TextRules.IsIdentifier(email) || !EmailRules.IsAscii(email) || !email.Contains('@', StringComparison.Ordinal))
            throw new InvalidOperationException(
                "Bootstrap:AdminEmail must be an ASCII e-mail address without control, zero-width or bidirectional-override characters.");

        if (await UserAccounts.FindByEmailAsync(connection, email, ct) is not null)
            return;
        await UserAccounts.CreateAsync(connection, dialect, email, password, AppRoles.Admin, AuditActor.System, UserAccounts.Via.Bootstrap, language: null, now, ct);
        loggers.CreateLogger("Matchmaker.Database").LogInformation("Created the bootstrap admin account {Email}", email);
    }
}
