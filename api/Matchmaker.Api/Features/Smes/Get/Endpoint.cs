using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Smes.Get;

internal sealed class Endpoint(ConnectionFactory db, Vetting vetting) : EndpointWithoutRequest<SmeResponse>
{
    public const string Name = "getSme";

    public override void Configure()
    {
        Get("/smes/{id:guid}");
        Description(b => b.WithName(Name));
        Summary(s =>
        {
            s.Summary = "Read an SME profile";
            s.Description = "The owner, agency and admin get the full profile; partners get the public view without `contact`, unless a match between them and one of the SME's needs has been mutual. Other SMEs get 404." + " A partner gets 404 while this profile or its own is not verified (`Profiles:RequireVerification`).";
            s.ResponseExamples[200] = SmeExamples.Full;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var sme = await SmeStore.FindAsync(connection, Route<Guid>("id"), ct);
        var view = sme is null ? ProfileView.Hidden : await SmeAccess.ViewOfAsync(connection, User, sme, vetting, ct);
        if (sme is null || view == ProfileView.Hidden)
        {
            await Send.ResultAsync(Problems.NotFound("SmeProfile"));
            return;
        }

        var sectors = await SmeStore.SectorsAsync(connection, [sme.Id], ct);
        ETags.Set(HttpContext.Response, sme.Version);
        await Send.OkAsync(SmeResponse.From(sme, sectors[sme.Id].ToList(), view == ProfileView.Full), ct);
    }
}
