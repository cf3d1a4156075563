using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Notifications.Preferences.Update;

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect, TimeProvider clock) : Endpoint<Request, PreferencesResponse>
{
    public override void Configure()
    {
        Put("/me/notifications");
        Description(b => b.WithName("updateNotificationPreferences").ProducesProblems(404));
        Summary(s =>
        {
            s.Summary = "Replace my notification preferences";
            s.Description = PreferencesDocs.What + " Replaces the whole object (every field is required) and answers with it; no `If-Match`: these are the caller's own settings, and the last write wins.";
            s.ExampleRequest = new Request { Email = PreferenceExamples.Daily.Email, Language = PreferenceExamples.Daily.Language, MinScore = PreferenceExamples.Daily.MinScore };
            s.ResponseExamples[200] = PreferenceExamples.Daily;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var user = await UserAccounts.FindAsync(connection, User.PublicId()!.Value, ct);
        if (user is null)
        {
            await Send.ResultAsync(Problems.NotFound("Account"));
            return;
        }

        var preferences = new NotificationPreferences(req.Email!, req.Language!, req.MinScore!.Value);
        await PreferenceStore.SaveAsync(connection, dialect, user.Id, preferences, clock.GetUtcNow().UtcDateTime, ct);
        await Send.OkAsync(PreferencesResponse.From(preferences), ct);
    }
}
