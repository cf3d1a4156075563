using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Matching.Decline;

public sealed class Request
{
    public const int MaxReasonLength = 2000;

    public string? Reason { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Reason).MaximumLength(Request.MaxReasonLength).MultiLineText();
}

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Scoring.MatchExplainer explainer, Notifications.Notifier notifier) : Endpoint<Request, MatchResponse>
{
    public override void Configure()
    {
        Post("/matches/{id:guid}/decline");
        Description(b => b.WithName("declineMatch").ProducesProblems(403, 409));
        Summary(s =>
        {
            s.Summary = "Decline a match";
            s.Description = "Either party, from any status before `agreement`; the optional `reason` (≤ 2000 characters) is kept on the event. Contacts already exchanged stay visible. Agency and admin get 403; anyone else 404.";
            s.Responses[403] = "Agency and admin do not act on matches.";
            s.Responses[409] = "The match is already declined, at agreement or closed.";
            s.ExampleRequest = new Request { Reason = MatchExamples.Declined.Events![0].Note };
            s.ResponseExamples[200] = MatchExamples.Declined;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await Send.OutcomeAsync(await MatchActions.RunAsync(db, clock, explainer, notifier, HttpContext, Route<Guid>("id"), MatchAction.Decline,
            (status, _) => MatchStateMachine.Decline(status), req.Reason, ct), ct);
    }
}
