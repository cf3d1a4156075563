using Matchmaker.Api.Features.Verification;
namespace Matchmaker.Api.Features.Matching.Outcomes.List;

internal sealed class Endpoint(ConnectionFactory db, Vetting vetting) : EndpointWithoutRequest<OutcomeList>
{
    public override void Configure()
    {
        Get("/matches/{id:guid}/outcomes");
        Roles(AppRoles.All);
        Description(b => b.WithName("listMatchOutcomes"));
        Summary(s =>
        {
            s.Summary = "List a match's outcome records, oldest first";
            s.Description = "Whoever may read the match (its two parties, agency, admin); anyone else gets 404. The last item is the latest record, the one that counts for this match.";
            s.ResponseExamples[200] = new OutcomeList([OutcomeExamples.Recorded, OutcomeExamples.FollowUp]);
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

        var outcomes = await OutcomeStore.ForMatchAsync(connection, match.Id, ct);
        await Send.OkAsync(new OutcomeList(outcomes.Select(OutcomeResponse.From).ToList()), ct);
    }
}
