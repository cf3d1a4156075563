using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Smes.Verify;

internal sealed class Endpoint(ConnectionFactory db, VerificationDecisions decisions) : Endpoint<DecisionRequest, SmeResponse>
{
    public override void Configure()
    {
        Post("/smes/{id:guid}/verification");
        Roles(AppRoles.Agency, AppRoles.Admin);
        Description(b => b.WithName("decideSmeVerification").ProducesProblems(404, 409, 412));
        Summary(s =>
        {
            s.Summary = "Verify or reject an SME profile";
            s.Description = VerificationExamples.DecisionDescription("SME", "partners");
            s.Responses[409] = "The owner's e-mail address is not verified yet.";
            s.Responses[412] = "The profile changed since the ETag sent in `If-Match` (or while the decision was recorded).";
            s.ExampleRequest = VerificationExamples.Rejection;
            s.ResponseExamples[200] = SmeExamples.Full;
        });
    }

    public override async Task HandleAsync(DecisionRequest req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var sme = await SmeStore.FindAsync(connection, Route<Guid>("id"), ct);
        if (sme is null)
        {
            await Send.ResultAsync(Problems.NotFound("SmeProfile"));
            return;
        }

        if (ETags.OptionalPrecondition(HttpContext.Request, sme.Version) is { } precondition)
        {
            await Send.ResultAsync(precondition);
            return;
        }

        var review = new ProfileUnderReview(ProfileKind.Sme, sme.Id, sme.PublicId, sme.Name, sme.OwnerId, sme.Version, sme.VerificationState);
        if (await decisions.DecideAsync(connection, User, review, req, ct) is { } refusal)
        {
            await Send.ResultAsync(refusal);
            return;
        }

        var decided = (await SmeStore.FindAsync(connection, sme.PublicId, ct))!;
        var sectors = await SmeStore.SectorsAsync(connection, [decided.Id], ct);
        ETags.Set(HttpContext.Response, decided.Version);
        await Send.OkAsync(SmeResponse.From(decided, sectors[decided.Id].ToList(), withContact: true), ct);
    }
}
