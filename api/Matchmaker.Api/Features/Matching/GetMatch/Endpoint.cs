using Matchmaker.Api.Features.Matching.Outcomes;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Matching.GetMatch;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, MatchExplainer explainer, Vetting vetting) : EndpointWithoutRequest<MatchResponse>
{
    public override void Configure()
    {
        Get("/matches/{id:guid}");
        Description(b => b.WithName("getMatch"));
        Summary(s =>
        {
            s.Summary = "Read a match with its score breakdown and deal history";
            s.Description = "The two parties (the SME that posted the need and the partner), agency and admin; anyone else gets 404. `events` lists every transition (who, when, from, to, note, and a decline's `reasonCode`), oldest first; `outcomes` lists the deal's outcome records, oldest first (see `GET /matches/{id}/outcomes`). Each side's `contact` appears once the match has been mutual, and stays after a later decline." + " A party gets 404 while either profile is not verified (`Profiles:RequireVerification`): the deal keeps its state and reappears once both are.";
            s.ResponseExamples[200] = MatchExamples.Mutual;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var match = await MatchStore.FindAsync(connection, Route<Guid>("id"), ct);
        if (match is null || !MatchAccess.MayRead(User, match, vetting))
        {
            await Send.ResultAsync(Problems.NotFound("Match"));
            return;
        }

        var events = await MatchStore.EventsAsync(connection, match.Id, ct);
        var outcomes = await OutcomeStore.ForMatchAsync(connection, match.Id, ct);
        ETags.Set(HttpContext.Response, match.Version);
        await Send.OkAsync(MatchResponse.From(match, MatchAccess.SeesContacts(User, match, vetting), await explainer.ForAsync(connection, match, User, ct), clock.GetUtcNow().UtcDateTime, events, outcomes), ct);
    }
}
