using Matchmaker.Api.Features.Verification;
namespace Matchmaker.Api.Features.Matching.Outcomes.Get;

internal sealed class Endpoint(ConnectionFactory db, Vetting vetting) : EndpointWithoutRequest<OutcomeResponse>
{
    public const string Name = "getMatchOutcome";

    public override void Configure()
    {
        Get("/matches/{id:guid}/outcomes/{outcomeId:guid}");
        Roles(AppRoles.All);
        Description(b => b.WithName(Name));
        Summary(s =>
        {
            s.Summary = "Read one outcome record of a match";
            s.Description = "Whoever may read the match (its two parties, agency, admin); anyone else, and an outcome of another match, gets 404.";
            s.ResponseExamples[200] = OutcomeExamples.Recorded;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var match = await MatchStore.FindAsync(connection, Route<Guid>("id"), ct);
        var outcome = match is not null && MatchAccess.MayRead(User, match, vetting)
            ? await OutcomeStore.FindAsync(connection, match.Id, Route<Guid>("outcomeId"), ct)
            : null;
        if (outcome is null)
        {
            await Send.ResultAsync(Problems.NotFound("Outcome"));
            return;
        }

        await Send.OkAsync(OutcomeResponse.From(outcome), ct);
    }
}
