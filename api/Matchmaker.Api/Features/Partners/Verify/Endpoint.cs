using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Partners.Verify;

internal sealed class Endpoint(ConnectionFactory db, VerificationDecisions decisions) : Endpoint<DecisionRequest, PartnerResponse>
{
    public override void Configure()
    {
        Post("/partners/{id:guid}/verification");
        Roles(AppRoles.Agency, AppRoles.Admin);
        Description(b => b.WithName("decidePartnerVerification").ProducesProblems(404, 409, 412));
        Summary(s =>
        {
            s.Summary = "Verify or reject a partner profile";
            s.Description = VerificationExamples.DecisionDescription("partner", "SMEs");
            s.Responses[409] = "The owner's e-mail address is not verified yet.";
            s.Responses[412] = "The profile changed since the ETag sent in `If-Match` (or while the decision was recorded).";
            s.ExampleRequest = VerificationExamples.Rejection;
            s.ResponseExamples[200] = PartnerExamples.Full;
        });
    }

    public override async Task HandleAsync(DecisionRequest req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var partner = await PartnerStore.FindAsync(connection, Route<Guid>("id"), ct);
        if (partner is null)
        {
            await Send.ResultAsync(Problems.NotFound("PartnerProfile"));
            return;
        }

        if (ETags.OptionalPrecondition(HttpContext.Request, partner.Version) is { } precondition)
        {
            await Send.ResultAsync(precondition);
            return;
        }

        var review = new ProfileUnderReview(ProfileKind.Partner, partner.Id, partner.PublicId, partner.Name, partner.OwnerId, partner.Version, partner.VerificationState);
        if (await decisions.DecideAsync(connection, User, review, req, ct) is { } refusal)
        {
            await Send.ResultAsync(refusal);
            return;
        }

        var decided = (await PartnerStore.FindAsync(connection, partner.PublicId, ct))!;
        var lists = await PartnerStore.ListsAsync(connection, [decided.Id], ct);
        ETags.Set(HttpContext.Response, decided.Version);
        await Send.OkAsync(PartnerResponse.From(decided, lists, withContact: true), ct);
    }
}
