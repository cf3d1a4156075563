using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Verification.Queue;

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect) : Endpoint<Request, Page<QueueItem>>
{
    private const string Sql = """
        SELECT /**top**/ q.KindOrder, q.Kind, q.Id, q.PublicId, q.Name, q.RegistrationCode, q.Place, q.Since, q.CreatedAt, q.Note
        FROM (
            SELECT 0 AS KindOrder, 'sme' AS Kind, s.id AS Id, s.public_id AS PublicId, s.name AS Name, s.inn AS RegistrationCode,
                   s.region_code AS Place, s.verification_since AS Since, s.created_at AS CreatedAt, s.verification_note AS Note
            FROM smes s
            WHERE s.verification = 'pending' AND (@Kind IS NULL OR @Kind = 'sme')
            UNION ALL
            SELECT 1, 'partner', p.id, p.public_id, p.name, p.uscc, p.city_code, p.verification_since, p.created_at, p.verification_note
            FROM partners p
            WHERE p.verification = 'pending' AND (@Kind IS NULL OR @Kind = 'partner')
        ) q
        WHERE (@AfterSince IS NULL OR q.Since > @AfterSince
               OR (q.Since = @AfterSince AND (q.KindOrder > @AfterKind OR (q.KindOrder = @AfterKind AND q.Id > @AfterId))))
        ORDER BY q.Since, q.KindOrder, q.Id
        /**limit**/
        """;

    public override void Configure()
    {
        Get("/verification-queue");
        Roles(AppRoles.Agency, AppRoles.Admin);
        Description(b => b.WithName("listVerificationQueue"));
        Summary(s =>
        {
            s.Summary = "List the profiles waiting for verification, oldest first";
            s.Description = "Agency and admin. SME and partner profiles in `pending`, in the order they entered the queue (`pendingSince`: creation, or the edit of a name, INN/USCC or region/city that sent a verified profile back, or an owner's edit of a rejected one); `kind` (`sme` or `partner`) keeps one kind. Decide with `POST /smes/{id}/verification` or `POST /partners/{id}/verification`. Keyset-paged: pass `nextCursor` back as `cursor`.";
            s.ResponseExamples[200] = new Page<QueueItem>([VerificationExamples.QueueItem], Examples.Cursor);
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct);
        var rows = (await connection.QueryAsync<QueueRow>(new CommandDefinition(dialect.Render(Sql), new
        {
            req.Kind,
            req.AfterSince,
            req.AfterKind,
            req.AfterId,
            Take = req.Take + 1,
        }, cancellationToken: ct))).ToList();
        await Send.OkAsync(Paging.Build(rows, req.Take, r => Infrastructure.Http.Cursor.Encode(r.Since.Ticks, r.KindOrder, r.Id),
            r => new QueueItem(r.Kind, r.PublicId, r.Name, r.RegistrationCode, r.Place, r.Since, r.CreatedAt, r.Note)), ct);
    }
}
