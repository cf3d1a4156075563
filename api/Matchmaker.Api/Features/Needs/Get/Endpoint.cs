using Matchmaker.Api.Features.Verification;
namespace Matchmaker.Api.Features.Needs.Get;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Vetting vetting) : EndpointWithoutRequest<NeedResponse>
{
    public const string Name = "getNeed";

    public override void Configure()
    {
        Get("/needs/{id:guid}");
        Description(b => b.WithName(Name));
        Summary(s =>
        {
            s.Summary = "Read an investment need";
            s.Description = "The owning SME, partners, agency and admin. Needs carry no contact data, so everyone who may read one sees all of it." + " A partner gets 404 while the need's SME or the partner's own profile is not verified (`Profiles:RequireVerification`).";
            s.ResponseExamples[200] = NeedExamples.Open;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var need = await NeedStore.FindAsync(connection, Route<Guid>("id"), ct);
        if (need is null || !NeedAccess.MayRead(User, need, vetting))
        {
            await Send.ResultAsync(Problems.NotFound("Need"));
            return;
        }

        ETags.Set(HttpContext.Response, need.Version);
        await Send.OkAsync(await NeedResponse.OfAsync(connection, need, clock.GetUtcNow().UtcDateTime, ct), ct);
    }
}
