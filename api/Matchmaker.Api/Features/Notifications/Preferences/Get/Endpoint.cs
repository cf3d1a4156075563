using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Notifications.Preferences.Get;

internal sealed class Endpoint(ConnectionFactory db) : EndpointWithoutRequest<PreferencesResponse>
{
    public override void Configure()
    {
        Get("/me/notifications");
        Description(b => b.WithName("getNotificationPreferences").ProducesProblems(404));
        Summary(s =>
        {
            s.Summary = "Read my notification preferences";
            s.Description = PreferencesDocs.What + " Until the account sets them: `immediate`, the account's language, `70`.";
            s.ResponseExamples[200] = PreferenceExamples.Defaults;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var user = await UserAccounts.FindAsync(connection, User.PublicId()!.Value, ct);
        if (user is null)
        {
            await Send.ResultAsync(Problems.NotFound("Account"));
            return;
        }

        var preferences = await PreferenceStore.ForUsersAsync(connection, null, [user.Id], ct);
        await Send.OkAsync(PreferencesResponse.From(preferences[user.Id]), ct);
    }
}
