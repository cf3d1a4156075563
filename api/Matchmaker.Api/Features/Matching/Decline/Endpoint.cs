using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Matching.Decline;

public sealed class Request
{
    public const int MaxReasonLength = 2000;

    public string? ReasonCode { get; set; }
    public string? Reason { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.ReasonCode).Must(c => c is null || DeclineReasons.All.Contains(c)).WithMessage(x => UnknownCode(x.ReasonCode!));
        RuleFor(x => x.Reason).MaximumLength(Request.MaxReasonLength).MultiLineText();
    }

    private static string UnknownCode(string value)
    {
        var list = string.Join(", ", DeclineReasons.All);
        return Messages.Get("Value.NotOneOf", "reasonCode", value, list);
    }
}

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Scoring.MatchExplainer explainer, Notifications.Notifier notifier, Vetting vetting) : Endpoint<Request, MatchResponse>
{
    public override void Configure()
    {
        Post("/matches/{id:guid}/decline");
        Description(b => b.WithName("declineMatch").ProducesProblems(403, 409));
        Summary(s =>
        {
            s.Summary = "Decline a match";
            s.Description = "Either party, from any status before `agreement`; the optional `reasonCode` (`sector_mismatch`, `amount_too_small`, `amount_too_large`, `need_type`, `region`, `timing`, `found_partner`, `not_credible`, `other`) and `reason` (free text, ≤ 2000 characters) are kept on the event and counted by `GET /reports/decline-reasons`. A declined pair stays declined through every re-score. Contacts already exchanged stay visible. Agency and admin get 403; anyone else 404.";
            s.Responses[403] = "Agency and admin do not act on matches.";
            s.Responses[409] = "The match is already declined, at agreement or closed.";
            s.ExampleRequest = new Request { ReasonCode = MatchExamples.Declined.Events![0].ReasonCode, Reason = MatchExamples.Declined.Events![0].Note };
            s.ResponseExamples[200] = MatchExamples.Declined;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await Send.OutcomeAsync(await MatchActions.RunAsync(db, clock, vetting, explainer, notifier, HttpContext, Route<Guid>("id"), MatchAction.Decline,
            (status, _) => MatchStateMachine.Decline(status), req.Reason, req.ReasonCode, ct), ct);
    }
}
