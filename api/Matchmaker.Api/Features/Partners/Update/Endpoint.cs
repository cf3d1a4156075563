using Dapper;
using FastEndpoints;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Infrastructure.Data;
using Matchmaker.Api.Infrastructure.Http;
using Matchmaker.Api.Infrastructure.OpenApi;

namespace Matchmaker.Api.Features.Partners.Update;

internal sealed class Endpoint(Db db, TimeProvider clock, Rescorer rescorer) : Endpoint<PartnerRequest, PartnerResponse>
{
    private const string UsccTakenSql = "SELECT COUNT(*) FROM partners WHERE uscc = @Uscc AND id <> @Id";

    private const string UpdateSql = """
        UPDATE partners
        SET name = @Name, name_zh = @NameZh, search_text = @SearchText, uscc = @Uscc, city_code = @City, kind = @Kind,
            ticket_min_usd = @TicketMinUsd, ticket_max_usd = @TicketMaxUsd, languages = @Languages,
            seeks_export_oriented = @SeeksExportOriented, required_certifications = @RequiredCertifications,
            description = @Description, contact_person = @ContactPerson, contact_email = @ContactEmail,
            contact_phone = @ContactPhone, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    public override void Configure()
    {
        Put("/partners/{id:guid}");
        Description(b => b.WithName("updatePartner").ProducesProblems(403, 409, 412, 428));
        Summary(s =>
        {
            s.Summary = "Replace a partner profile";
            s.Description = "Owner or admin. Send the whole profile as for POST with `If-Match` set to the ETag of your last read: 428 without it, 412 when the profile changed since.";
            s.Responses[409] = "Another partner holds this USCC.";
            s.Responses[412] = "The profile changed since you read it.";
            s.Responses[428] = "If-Match is missing.";
            s.ExampleRequest = PartnerExamples.Request;
            s.ResponseExamples[200] = PartnerExamples.Full;
        });
    }

    public override async Task HandleAsync(PartnerRequest req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var partner = await PartnerStore.FindAsync(connection, Route<Guid>("id"), ct);
        var view = partner is null ? ProfileView.Hidden : PartnerAccess.ViewOf(User, partner);
        if (partner is null || view == ProfileView.Hidden)
        {
            await Send.ResultAsync(Problems.NotFound("The partner profile"));
            return;
        }

        if (!PartnerAccess.MayEdit(User, partner))
        {
            await Send.ResultAsync(Problems.Forbidden("Only the partner itself or an admin may change this profile."));
            return;
        }

        if (ETags.Precondition(HttpContext.Request, partner.Version) is { } precondition)
        {
            await Send.ResultAsync(precondition);
            return;
        }

        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(UsccTakenSql, new { req.Uscc, partner.Id }, cancellationToken: ct)) > 0)
        {
            await Send.ResultAsync(Problems.Conflict("Another partner profile is registered with this USCC."));
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var parameters = PartnerStore.Parameters(req, now);
            parameters.Add("Id", partner.Id);
            parameters.Add("Version", partner.Version);
            int changed;
            try
            {
                changed = await connection.ExecuteAsync(new CommandDefinition(UpdateSql, parameters, tx, cancellationToken: ct));
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                await Send.ResultAsync(Problems.Conflict("Another partner profile is registered with this USCC."));
                return;
            }

            if (changed == 0)
            {
                await Send.ResultAsync(Problems.PreconditionFailed());
                return;
            }

            await PartnerStore.ReplaceListsAsync(connection, tx, partner.Id, req, ct);
            await rescorer.RescorePartnerAsync(connection, tx, partner.Id, now, ct);
            await tx.CommitAsync(ct);
        }

        var updated = (await PartnerStore.FindAsync(connection, partner.PublicId, ct))!;
        var lists = await PartnerStore.ListsAsync(connection, [updated.Id], ct);
        ETags.Set(HttpContext.Response, updated.Version);
        await Send.OkAsync(PartnerResponse.From(updated, lists, withContact: true), ct);
    }
}
