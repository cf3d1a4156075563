namespace Matchmaker.Api.Features.Notifications.Preferences;

/// <summary>An account's notification preferences as they apply: its own, or the defaults where it set none.</summary>
internal sealed record NotificationPreferences(string Email, string Language, decimal MinScore);

/// <summary>The one home of <c>notification_preferences</c>: the codes, the defaults, and every read and write.</summary>
internal static class PreferenceStore
{
    public static class EmailModes
    {
        public const string Immediate = "immediate";
        public const string Daily = "daily";
        public const string Off = "off";

        public static IReadOnlyList<string> All { get; } = [Immediate, Daily, Off];
    }

    public static IReadOnlyList<string> Languages { get; } = [NotificationTexts.English, NotificationTexts.Russian, NotificationTexts.Chinese];

    public const decimal DefaultMinScore = 70m;

    /// <summary>The defaults of an account that set nothing: every item at once, in its own language (<c>users.language</c>), from 70.</summary>
    public static NotificationPreferences Defaults(string? accountLanguage) =>
        new(EmailModes.Immediate, accountLanguage ?? Users.UserAccounts.DefaultLanguage, DefaultMinScore);

    private const string ForUsersSql = """
        SELECT u.id AS UserId, u.language AS AccountLanguage, p.email_mode AS Email, p.language AS Language, p.min_score AS MinScore
        FROM users u
        LEFT JOIN notification_preferences p ON p.user_id = u.id
        WHERE u.id IN /**ids**/
        """;

    private const string UpdateSql = """
        UPDATE notification_preferences SET email_mode = @Email, language = @Language, min_score = @MinScore, updated_at = @Now
        WHERE user_id = @UserId
        """;

    private const string InsertSql = """
        INSERT INTO notification_preferences (user_id, email_mode, language, min_score, updated_at)
        VALUES (@UserId, @Email, @Language, @MinScore, @Now)
        """;

    private sealed record Row(long UserId, string? AccountLanguage, string? Email, string? Language, decimal? MinScore);

    /// <summary>
    /// The preferences that apply to each of the accounts (internal <c>users.id</c>), defaults filled in for
    /// those that set none; ids of no account are left out.
    /// </summary>
    internal static async Task<IReadOnlyDictionary<long, NotificationPreferences>> ForUsersAsync(
        DbConnection c, DbTransaction? tx, IReadOnlyCollection<long> userIds, CancellationToken ct)
    {
        var rows = await IdChunks.QueryAsync<Row>(c, tx, ForUsersSql, userIds, ct);
        return rows.ToDictionary(r => r.UserId, r => r.Email is null
            ? Defaults(r.AccountLanguage)
            : new NotificationPreferences(r.Email, r.Language!, r.MinScore!.Value));
    }

    /// <summary>Replaces the account's preferences whole; the last write wins.</summary>
    public static async Task SaveAsync(DbConnection c, SqlDialect dialect, long userId, NotificationPreferences preferences, DateTime now, CancellationToken ct)
    {
        var args = new { UserId = userId, preferences.Email, preferences.Language, preferences.MinScore, Now = now };
        if (await c.ExecuteAsync(new CommandDefinition(UpdateSql, args, cancellationToken: ct)) > 0)
            return;
        try
        {
            await c.ExecuteAsync(new CommandDefinition(InsertSql, args, cancellationToken: ct));
        }
        catch (Exception e) when (dialect.IsUniqueViolation(e))
        {
            // Another first write of the same account's preferences came in between; this one is the later.
            await c.ExecuteAsync(new CommandDefinition(UpdateSql, args, cancellationToken: ct));
        }
    }
}
