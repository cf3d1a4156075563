using Matchmaker.Api.Features.Matching.Deals;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Matching.Stage;

public sealed class Request
{
    public const int MaxNoteLength = 2000;

    public string? Stage { get; set; }
    public string? Note { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Stage).NotEmpty()
            .Must(s => s is null || MatchStatus.StageTargets.Contains(s))
            .WithMessage(_ => Messages.Get("Value.OneOf", "stage", string.Join(", ", MatchStatus.StageTargets)));
        RuleFor(x => x.Note).MaximumLength(Request.MaxNoteLength).MultiLineText();
    }
}

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Scoring.MatchExplainer explainer, Notifications.Notifier notifier, Vetting vetting) : Endpoint<Request, MatchResponse>
{
    public override void Configure()
    {
        Post("/matches/{id:guid}/stage");
        Description(b => b.WithName("recordDealStage").ProducesProblems(403, 409));
        Summary(s =>
        {
            s.Summary = "Move a mutual match to a later deal stage";
            s.Description = "Either party, once the match is `mutual`. `stage` is one of `meeting`, `negotiation`, `agreement`, `closed`, strictly after the current one (skipping ahead is allowed, going back is not); the optional `note` (≤ 2000 characters) is kept on the event. Agency and admin get 403; anyone else 404.";
            s.Responses[403] = "Agency and admin do not act on matches.";
            s.Responses[409] = "The match is not mutual yet, is declined or closed, or the stage is not after the current one.";
            s.ExampleRequest = new Request { Stage = "meeting", Note = MatchExamples.Meeting.Events![^1].Note };
            s.ResponseExamples[200] = MatchExamples.Meeting;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await Send.OutcomeAsync(await MatchActions.RunAsync(db, clock, vetting, explainer, notifier, HttpContext, Route<Guid>("id"), MatchAction.Stage,
            (status, _) => MatchStateMachine.Stage(status, req.Stage), req.Note, null, ct), ct);
    }
}
