using Dapper;
using FastEndpoints;
using Matchmaker.Api.Infrastructure.Auth;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Infrastructure.Data;
using Matchmaker.Api.Infrastructure.Http;
using Matchmaker.Api.Infrastructure.OpenApi;

namespace Matchmaker.Api.Features.Partners.Create;

internal sealed class Endpoint(Db db, TimeProvider clock, Rescorer rescorer) : Endpoint<PartnerRequest, PartnerResponse>
{
    private const string OwnerSql = """
        SELECT u.id AS UserId, p.id AS PartnerId
        FROM users u LEFT JOIN partners p ON p.owner_user_id = u.id
        WHERE u.public_id = @UserId
        """;

    private const string UsccTakenSql = "SELECT COUNT(*) FROM partners WHERE uscc = @Uscc";

    private const string InsertSql = """
        INSERT INTO partners (public_id, owner_user_id, name, name_zh, search_text, uscc, city_code, kind, ticket_min_usd,
                              ticket_max_usd, languages, seeks_export_oriented, required_certifications, description,
                              contact_person, contact_email, contact_phone, created_at, updated_at, version)
        VALUES (@PublicId, @OwnerUserId, @Name, @NameZh, @SearchText, @Uscc, @City, @Kind, @TicketMinUsd,
                @TicketMaxUsd, @Languages, @SeeksExportOriented, @RequiredCertifications, @Description,
                @ContactPerson, @ContactEmail, @ContactPhone, @Now, @Now, 1)
        """;

    private const string IdSql = "SELECT id FROM partners WHERE public_id = @PublicId";

    public override void Configure()
    {
        Post("/partners");
        Roles(AppRoles.Partner);
        Description(b => b.WithName("createPartner").ClearDefaultProduces(200).Produces<PartnerResponse>(201, "application/json").ProducesProblems(409));
        Summary(s =>
        {
            s.Summary = "Create your partner profile";
            s.Description = "One profile per partner account. `uscc` is the 18-character Unified Social Credit Code, checked for its check character and for a Shandong division (starting 37); it must be unique. `city` is a Shandong city code, `sectors` 1–10 ISIC divisions, `offerings` the need types the firm can satisfy, `ticket` its USD range. Send an Idempotency-Key header to make retries safe.";
            s.Responses[201] = "Created; Location and ETag point at the new profile.";
            s.Responses[409] = "You already have a profile, or another partner holds this USCC.";
            s.ExampleRequest = PartnerExamples.Request;
            s.ResponseExamples[201] = PartnerExamples.Full;
        });
    }

    public override async Task HandleAsync(PartnerRequest req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var owner = await connection.QuerySingleAsync<(long UserId, long? PartnerId)>(new CommandDefinition(OwnerSql, new { UserId = User.PublicId() }, cancellationToken: ct));
        if (owner.PartnerId is not null)
        {
            await Send.ResultAsync(Problems.Conflict("Your account already has a partner profile; update it with PUT instead."));
            return;
        }

        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(UsccTakenSql, new { req.Uscc }, cancellationToken: ct)) > 0)
        {
            await Send.ResultAsync(Problems.Conflict("Another partner profile is registered with this USCC."));
            return;
        }

        var publicId = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var parameters = PartnerStore.Parameters(req, now);
            parameters.Add("PublicId", publicId);
            parameters.Add("OwnerUserId", owner.UserId);
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertSql, parameters, tx, cancellationToken: ct));
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                await Send.ResultAsync(Problems.Conflict("Your account already has a partner profile, or another partner holds this USCC."));
                return;
            }

            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(IdSql, new { PublicId = publicId }, tx, cancellationToken: ct));
            await PartnerStore.ReplaceListsAsync(connection, tx, id, req, ct);
            await rescorer.RescorePartnerAsync(connection, tx, id, now, ct);
            await tx.CommitAsync(ct);
        }

        var created = (await PartnerStore.FindAsync(connection, publicId, ct))!;
        var lists = await PartnerStore.ListsAsync(connection, [created.Id], ct);
        ETags.Set(HttpContext.Response, created.Version);
        await Send.CreatedAtAsync(Partners.Get.Endpoint.Name, new { id = publicId }, PartnerResponse.From(created, lists, withContact: true), cancellation: ct);
    }
}
