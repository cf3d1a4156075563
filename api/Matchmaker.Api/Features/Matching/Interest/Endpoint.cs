using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Matching.Interest;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Scoring.MatchExplainer explainer, Notifications.Notifier notifier, Vetting vetting) : EndpointWithoutRequest<MatchResponse>
{
    public override void Configure()
    {
        Post("/matches/{id:guid}/interest");
        Description(b => b.WithName("expressInterest").ProducesProblems(403, 409));
        Summary(s =>
        {
            s.Summary = "Record the caller's side's interest in a match";
            s.Description = "Either party. `suggested` becomes `sme_interested` or `partner_interested`; the other side's interest then makes it `mutual`, which reveals both contacts. Repeating one's own interest changes nothing and answers 200. Agency and admin get 403; anyone else 404.";
            s.Responses[403] = "Agency and admin do not act on matches.";
            s.Responses[409] = "The match is declined or closed.";
            s.ResponseExamples[200] = MatchExamples.Mutual;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await Send.OutcomeAsync(await MatchActions.RunAsync(db, clock, vetting, explainer, notifier, HttpContext, Route<Guid>("id"), MatchAction.Interest,
            MatchStateMachine.Interest, note: null, reasonCode: null, ct), ct);
    }
}
