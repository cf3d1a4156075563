using Matchmaker.Api.Features.Notifications.Preferences;
using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Notifications.Inbox.List;

public sealed class Request : PagedQuery
{
    public bool? Unread { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => Include(new PagedQueryRules());
}

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect) : Endpoint<Request, Page<InboxItemResponse>>
{
    public override void Configure()
    {
        Get("/inbox");
        Description(b => b.WithName("listInbox"));
        Roles(AppRoles.Sme, AppRoles.Partner);
        Summary(s =>
        {
            s.Summary = "Read your inbox, newest first";
            s.Description = "SME and partner accounts. What happened that concerns you: new matches at or above your `minScore` preference "
                + "(`match_suggested`, one item per need or partner profile per change, counting the new matches and naming the best), "
                + "`interest_received`, `mutual`, `stage_changed`, `declined`, `need_expiring`, `need_expired`, `outcome_due`, "
                + "and an agency's decision on your profile: `profile_verified`, `profile_rejected` (quoting the agency's note; "
                + "a partner profile's item carries its `partnerId`, an SME profile's no id). "
                + "Each item is written with the change it reports; `title` and `text` are in your notification language. "
                + "`unread=true` lists only unread items, `unread=false` only read ones. " + NewestFirst.Description;
            s.Params["unread"] = "true: only unread items; false: only read ones; absent: all.";
            s.ResponseExamples[200] = InboxExamples.Page;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await NotificationStore.ListAsync(connection, dialect, User.PublicId()!.Value, req.Unread, req.AfterCreatedAt, req.AfterId, req.Take + 1, ct);
        var caller = await UserAccounts.FindAsync(connection, User.PublicId()!.Value, ct);
        var language = caller is null ? UserAccounts.DefaultLanguage : (await PreferenceStore.ForUsersAsync(connection, null, [caller.Id], ct))[caller.Id].Language;
        await Send.OkAsync(Paging.Build(rows, req.Take, r => NewestFirst.Cursor(r.CreatedAt, r.Id), r => InboxItemResponse.From(r, language)), ct);
    }
}
