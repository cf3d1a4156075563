namespace Matchmaker.Api.Features.Notifications.Preferences;

/// <summary>The body of <c>GET|PUT /me/notifications</c>.</summary>
public sealed record PreferencesResponse(string Email, string Language, decimal MinScore)
{
    internal static PreferencesResponse From(NotificationPreferences p) => new(p.Email, p.Language, p.MinScore);
}

internal static class PreferenceExamples
{
    public static PreferencesResponse Defaults { get; } = new(PreferenceStore.EmailModes.Immediate, "ru", PreferenceStore.DefaultMinScore);

    public static PreferencesResponse Daily { get; } = new(PreferenceStore.EmailModes.Daily, "zh", 80m);
}

internal static class PreferenceBounds
{
    public static void DescribeFields(FieldBounds fields) => fields
        .Code("NotificationsPreferencesPreferencesResponse.email", 16, PreferenceStore.EmailModes.All)
        .Code("NotificationsPreferencesPreferencesResponse.language", 2, PreferenceStore.Languages)
        .Code("NotificationsPreferencesUpdateRequest.email", 16, PreferenceStore.EmailModes.All)
        .Code("NotificationsPreferencesUpdateRequest.language", 2, PreferenceStore.Languages);
}

internal static class PreferencesDocs
{
    public const string What = "Any signed-in account (sme, partner, agency, admin). `email`: how inbox items reach the account's address (`immediate`, `daily` in one digest, `off`); `language` (`en`, `ru`, `zh`): of inbox texts, e-mails and advice; `minScore` (0–100, one decimal): a new match is announced only at or above it.";
}
