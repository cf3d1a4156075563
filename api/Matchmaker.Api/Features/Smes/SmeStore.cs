using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Smes;

internal sealed record SmeRow
{
    public VerificationState VerificationState => new(Verification, VerificationNote, VerificationSince);

    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public Guid OwnerId { get; init; }
    public string Name { get; init; } = "";
    public string? NameEn { get; init; }
    public string Inn { get; init; } = "";
    public string RegionCode { get; init; } = "";
    public int Employees { get; init; }
    public int? FoundedYear { get; init; }
    public bool ExportOriented { get; init; }
    public string Languages { get; init; } = "[]";
    public string Certifications { get; init; } = "[]";
    public string? Description { get; init; }
    public string ContactPerson { get; init; } = "";
    public string ContactEmail { get; init; } = "";
    public string? ContactPhone { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public int Version { get; init; }
    public string Verification { get; init; } = VerificationStatus.Pending;
    public string? VerificationNote { get; init; }
    public DateTime? VerificationSince { get; init; }
}

/// <summary>What a client or the demo data says an SME is; the server adds the id, owner and timestamps.</summary>
internal sealed record SmeFields(
    string Name, string? NameEn, string Inn, string Region, IReadOnlyList<string> Sectors, int Employees, int? FoundedYear, bool ExportOriented,
    IReadOnlyList<string> Languages, IReadOnlyList<string> Certifications, string? Description,
    string ContactPerson, string ContactEmail, string? ContactPhone)
{
    /// <summary>Whether these fields name another company than <paramref name="row"/>: what the agencies checked.</summary>
    public bool ChangesIdentityOf(SmeRow row) => Name != row.Name || NameEn != row.NameEn || Inn != row.Inn || Region != row.RegionCode;

    public static SmeFields From(SmeRequest req) => new(
        req.Name!.Trim(), string.IsNullOrWhiteSpace(req.NameEn) ? null : req.NameEn.Trim(), req.Inn!, req.Region!, req.Sectors!, req.Employees!.Value, req.FoundedYear, req.ExportOriented ?? false,
        req.Languages ?? [], req.Certifications?.Select(c => c.Trim()).ToList() ?? [], req.Description,
        req.Contact!.Person!, req.Contact.Email!, req.Contact.Phone);
}

/// <param name="Verification">Pending for a profile a user creates; the demo world is seeded verified.</param>
internal sealed record NewSme(Guid PublicId, long OwnerUserId, SmeFields Fields, DateTime CreatedAt, string Verification = VerificationStatus.Pending);

/// <summary>The home of SME profiles: their columns, the row they read into, and every read and write of the SME tables.</summary>
internal static class SmeStore
{
    public const string SelectColumns = """
        s.id AS Id, s.public_id AS PublicId, u.public_id AS OwnerId, s.name AS Name, s.name_en AS NameEn, s.inn AS Inn,
        s.region_code AS RegionCode, s.employees AS Employees, s.founded_year AS FoundedYear,
        s.export_oriented AS ExportOriented, s.languages AS Languages, s.certifications AS Certifications,
        s.description AS Description, s.contact_person AS ContactPerson, s.contact_email AS ContactEmail,
        s.contact_phone AS ContactPhone, s.created_at AS CreatedAt, s.updated_at AS UpdatedAt, s.version AS Version,
        s.verification AS Verification, s.verification_note AS VerificationNote, s.verification_since AS VerificationSince
        """;

    public const string From = " FROM smes s JOIN users u ON u.id = s.owner_user_id ";

    private const string FindSql = "SELECT " + SelectColumns + From + "WHERE s.public_id = @Id";

    private const string OfOwnerSql = """
        SELECT u.id AS UserId, s.id AS ProfileId
        FROM users u LEFT JOIN smes s ON s.owner_user_id = u.id
        WHERE u.public_id = @UserId
        """;

    private const string InnTakenSql = "SELECT COUNT(*) FROM smes WHERE inn = @Inn AND (@ExceptId IS NULL OR id <> @ExceptId)";

    private const string SectorsSql = "SELECT sme_id AS OwnerId, sector_code AS Code FROM sme_sectors WHERE sme_id IN /**ids**/ ORDER BY sme_id, position";

    private const string InsertSql = """
        INSERT INTO smes (public_id, owner_user_id, name, name_en, search_text, search_names, inn, region_code, employees, founded_year,
                          export_oriented, languages, certifications, description, contact_person, contact_email,
                          contact_phone, created_at, updated_at, version, verification, verification_since)
        VALUES (@PublicId, @OwnerUserId, @Name, @NameEn, @SearchText, @SearchNames, @Inn, @Region, @Employees, @FoundedYear,
                @ExportOriented, @Languages, @Certifications, @Description, @ContactPerson, @ContactEmail,
                @ContactPhone, @CreatedAt, @CreatedAt, 1, @Verification, @CreatedAt)
        """;

    private const string IdSql = "SELECT id FROM smes WHERE public_id = @PublicId";

    private const string UpdateSql = """
        UPDATE smes
        SET name = @Name, name_en = @NameEn, search_text = @SearchText, search_names = @SearchNames, inn = @Inn, region_code = @Region, employees = @Employees,
            founded_year = @FoundedYear, export_oriented = @ExportOriented, languages = @Languages,
            certifications = @Certifications, description = @Description, contact_person = @ContactPerson,
            contact_email = @ContactEmail, contact_phone = @ContactPhone, updated_at = @Now, version = version + 1,
            verification = @Verification, verification_note = @VerificationNote, verification_since = @VerificationSince
        WHERE id = @Id AND version = @Version
        """;

    private const string UnfoldedSql = "SELECT id AS Id, name AS Name, name_en AS NameEn, description AS Description FROM smes WHERE search_text = ''";

    private const string SetSearchTextSql = "UPDATE smes SET search_text = @SearchText, search_names = @SearchNames WHERE id = @Id";

    private const string DeleteSectorsSql = "DELETE FROM sme_sectors WHERE sme_id = @OwnerId";

    private const string InsertSectorSql = "INSERT INTO sme_sectors (sme_id, sector_code, position) VALUES (@OwnerId, @Code, @Position)";

    public static Task<SmeRow?> FindAsync(DbConnection connection, Guid id, CancellationToken ct, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<SmeRow>(new CommandDefinition(FindSql, new { Id = id }, tx, cancellationToken: ct));

    /// <summary>The signed-in account's internal id and, if it has one, its SME profile's.</summary>
    public static Task<OwnerRow?> OfOwnerAsync(DbConnection connection, Guid userPublicId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<OwnerRow>(new CommandDefinition(OfOwnerSql, new { UserId = userPublicId }, cancellationToken: ct));

    public static async Task<bool> InnTakenAsync(DbConnection connection, string inn, long? exceptId, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(InnTakenSql, new { Inn = inn, ExceptId = exceptId }, cancellationToken: ct)) > 0;

    public static async Task<ILookup<long, string>> SectorsAsync(DbConnection connection, IReadOnlyCollection<long> smeIds, CancellationToken ct, DbTransaction? tx = null)
    {
        if (smeIds.Count == 0)
            return OwnedCode.None;
        var rows = await IdChunks.QueryAsync<OwnedCode>(connection, tx, SectorsSql, smeIds, ct);
        return rows.ToLookup(r => r.OwnerId, r => r.Code);
    }

    /// <summary>Inserts profiles with their sectors; returns their internal ids by public id.</summary>
    public static async Task<Dictionary<Guid, long>> InsertAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<NewSme> smes, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, smes.Select(s =>
        {
            var p = Parameters(s.Fields);
            p.AddDynamicParams(new { s.PublicId, s.OwnerUserId, s.CreatedAt, s.Verification });
            return p;
        }).ToList(), tx, cancellationToken: ct));
        var ids = await PublicIds.InternalIdsAsync(connection, tx, IdSql, smes.Select(s => s.PublicId), ct);
        await OwnedCode.InsertAsync(connection, tx, InsertSectorSql, smes.Select(s => (ids[s.PublicId], s.Fields.Sectors)), ct);
        return ids;
    }

    /// <summary>Replaces a profile read at <paramref name="version"/>; false when it changed since.</summary>
    public static async Task<bool> UpdateAsync(DbConnection connection, DbTransaction tx, long id, int version, SmeFields fields, VerificationState verification, DateTime now, CancellationToken ct)
    {
        var p = Parameters(fields);
        p.AddDynamicParams(new { Id = id, Version = version, Now = now, Verification = verification.Status, VerificationNote = verification.Note, VerificationSince = verification.Since });
        if (await connection.ExecuteAsync(new CommandDefinition(UpdateSql, p, tx, cancellationToken: ct)) == 0)
            return false;
        await connection.ExecuteAsync(new CommandDefinition(DeleteSectorsSql, new { OwnerId = id }, tx, cancellationToken: ct));
        await OwnedCode.InsertAsync(connection, tx, InsertSectorSql, [(id, fields.Sectors)], ct);
        return true;
    }

    /// <summary>Folds the search texts of the profiles stored before they were kept (emptied by migration 0029); returns how many.</summary>
    public static Task<int> FoldSearchTextAsync(DbConnection connection, CancellationToken ct) =>
        SearchText.RefillAsync<(long Id, string Name, string? NameEn, string? Description)>(connection, UnfoldedSql, SetSearchTextSql,
            s => new { s.Id, SearchText = SearchText.Of(s.Name, s.NameEn, s.Description), SearchNames = SearchText.Of(s.Name, s.NameEn) }, ct);

    private static DynamicParameters Parameters(SmeFields f)
    {
        var p = new DynamicParameters();
        p.Add("Name", f.Name);
        p.Add("NameEn", f.NameEn);
        p.Add("SearchText", SearchText.Of(f.Name, f.NameEn, f.Description));
        p.Add("SearchNames", SearchText.Of(f.Name, f.NameEn));
        p.Add("Inn", f.Inn);
        p.Add("Region", f.Region);
        p.Add("Employees", f.Employees);
        p.Add("FoundedYear", f.FoundedYear);
        p.Add("ExportOriented", f.ExportOriented);
        p.Add("Languages", JsonList.Write(f.Languages));
        p.Add("Certifications", JsonList.Write(f.Certifications));
        p.Add("Description", f.Description);
        p.Add("ContactPerson", f.ContactPerson);
        p.Add("ContactEmail", f.ContactEmail);
        p.Add("ContactPhone", f.ContactPhone);
        return p;
    }
}
