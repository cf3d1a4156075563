using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Partners.Get;

internal sealed class Endpoint(ConnectionFactory db, Vetting vetting) : EndpointWithoutRequest<PartnerResponse>
{
    public const string Name = "getPartner";

    public override void Configure()
    {
        Get("/partners/{id:guid}");
        Description(b => b.WithName(Name));
        Summary(s =>
        {
            s.Summary = "Read a partner profile";
            s.Description = "The owner, agency and admin get the full profile; SMEs get the public view without `contact`, unless a match between one of their needs and this partner has been mutual. Other partners get 404." + " An SME gets 404 while this profile or its own is not verified (`Profiles:RequireVerification`).";
            s.ResponseExamples[200] = PartnerExamples.Full;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var partner = await PartnerStore.FindAsync(connection, Route<Guid>("id"), ct);
        var view = partner is null ? ProfileView.Hidden : await PartnerAccess.ViewOfAsync(connection, User, partner, vetting, ct);
        if (partner is null || view == ProfileView.Hidden)
        {
            await Send.ResultAsync(Problems.NotFound("PartnerProfile"));
            return;
        }

        var lists = await PartnerStore.ListsAsync(connection, [partner.Id], ct);
        ETags.Set(HttpContext.Response, partner.Version);
        await Send.OkAsync(PartnerResponse.From(partner, lists, view == ProfileView.Full), ct);
    }
}
