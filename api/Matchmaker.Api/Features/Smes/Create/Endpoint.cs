using Dapper;
using FastEndpoints;
using Matchmaker.Api.Infrastructure.Auth;
using Matchmaker.Api.Infrastructure.Data;
using Matchmaker.Api.Infrastructure.Http;
using Matchmaker.Api.Infrastructure.OpenApi;

namespace Matchmaker.Api.Features.Smes.Create;

internal sealed class Endpoint(Db db, TimeProvider clock) : Endpoint<SmeRequest, SmeResponse>
{
    private const string OwnerSql = """
        SELECT u.id AS UserId, s.id AS SmeId
        FROM users u LEFT JOIN smes s ON s.owner_user_id = u.id
        WHERE u.public_id = @UserId
        """;

    private const string InnTakenSql = "SELECT COUNT(*) FROM smes WHERE inn = @Inn";

    private const string InsertSql = """
        INSERT INTO smes (public_id, owner_user_id, name, search_text, inn, region_code, employees, founded_year,
                          export_oriented, languages, certifications, description, contact_person, contact_email,
                          contact_phone, created_at, updated_at, version)
        VALUES (@PublicId, @OwnerUserId, @Name, @SearchText, @Inn, @Region, @Employees, @FoundedYear,
                @ExportOriented, @Languages, @Certifications, @Description, @ContactPerson, @ContactEmail,
                @ContactPhone, @Now, @Now, 1)
        """;

    private const string IdSql = "SELECT id FROM smes WHERE public_id = @PublicId";

    public override void Configure()
    {
        Post("/smes");
        Roles(AppRoles.Sme);
        Description(b => b.WithName("createSme").ClearDefaultProduces(200).Produces<SmeResponse>(201, "application/json").ProducesProblems(409));
        Summary(s =>
        {
            s.Summary = "Create your SME profile";
            s.Description = "One profile per SME account. `inn` is the 14-digit Kyrgyz taxpayer number and must be unique; `region` is an ISO 3166-2:KG code and `sectors` 1–5 ISIC Rev.4 divisions (see /api/v1/reference). Send an Idempotency-Key header to make retries safe.";
            s.Responses[201] = "Created; Location and ETag point at the new profile.";
            s.Responses[409] = "You already have a profile, or another SME holds this INN.";
            s.ExampleRequest = SmeExamples.Request;
            s.ResponseExamples[201] = SmeExamples.Full;
        });
    }

    public override async Task HandleAsync(SmeRequest req, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        var owner = await connection.QuerySingleAsync<(long UserId, long? SmeId)>(new CommandDefinition(OwnerSql, new { UserId = User.PublicId() }, cancellationToken: ct));
        if (owner.SmeId is not null)
        {
            await Send.ResultAsync(Problems.Conflict("Your account already has an SME profile; update it with PUT instead."));
            return;
        }

        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(InnTakenSql, new { req.Inn }, cancellationToken: ct)) > 0)
        {
            await Send.ResultAsync(Problems.Conflict("Another SME profile is registered with this INN."));
            return;
        }

        var publicId = Guid.NewGuid();
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var parameters = new DynamicParameters(SmeStore.Parameters(req, now));
            parameters.Add("PublicId", publicId);
            parameters.Add("OwnerUserId", owner.UserId);
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertSql, parameters, tx, cancellationToken: ct));
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                await Send.ResultAsync(Problems.Conflict("Your account already has an SME profile, or another SME holds this INN."));
                return;
            }

            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(IdSql, new { PublicId = publicId }, tx, cancellationToken: ct));
            await SmeStore.ReplaceSectorsAsync(connection, tx, id, req.Sectors!, ct);
            await tx.CommitAsync(ct);
        }

        var created = (await SmeStore.FindAsync(connection, publicId, ct))!;
        ETags.Set(HttpContext.Response, created.Version);
        await Send.CreatedAtAsync(Smes.Get.Endpoint.Name, new { id = publicId }, SmeResponse.From(created, req.Sectors!, withContact: true), cancellation: ct);
    }
}
