using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Partners;

internal sealed record PartnerRow
{
    public VerificationState VerificationState => new(Verification, VerificationNote, VerificationSince);

    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public Guid OwnerId { get; init; }
    public string Name { get; init; } = "";
    public string? NameZh { get; init; }
    public string? NameRu { get; init; }
    public string Uscc { get; init; } = "";
    public string CityCode { get; init; } = "";
    public string Kind { get; init; } = "";
    public decimal TicketMinUsd { get; init; }
    public decimal TicketMaxUsd { get; init; }
    public string Languages { get; init; } = "[]";
    public bool SeeksExportOriented { get; init; }
    public string RequiredCertifications { get; init; } = "[]";
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

internal sealed record PartnerLists(ILookup<long, string> Sectors, ILookup<long, string> Offerings, ILookup<long, string> TargetRegions);

/// <summary>What a client or the demo data says a partner is; the server adds the id, owner and timestamps.</summary>
internal sealed record PartnerFields(
    string Name, string? NameZh, string? NameRu, string Uscc, string City, string Kind, IReadOnlyList<string> Sectors, IReadOnlyList<string> Offerings,
    decimal TicketMinUsd, decimal TicketMaxUsd, IReadOnlyList<string> TargetRegions, IReadOnlyList<string> Languages,
    bool SeeksExportOriented, IReadOnlyList<string> RequiredCertifications, string? Description,
    string ContactPerson, string ContactEmail, string? ContactPhone)
{
    /// <summary>Whether these fields name another company than <paramref name="row"/>: what the agencies checked.</summary>
    public bool ChangesIdentityOf(PartnerRow row) => Name != row.Name || NameZh != row.NameZh || NameRu != row.NameRu || Uscc != row.Uscc || City != row.CityCode;

    public static PartnerFields From(PartnerRequest req) => new(
        req.Name!.Trim(), Optional(req.NameZh), Optional(req.NameRu), req.Uscc!, req.City!, req.Kind!,
        req.Sectors ?? [], req.Offerings ?? [], req.Ticket!.MinUsd!.Value, req.Ticket.MaxUsd!.Value, req.TargetRegions ?? [],
        req.Languages ?? [], req.SeeksExportOriented ?? false, req.RequiredCertifications?.Select(c => c.Trim()).ToList() ?? [],
        req.Description, req.Contact!.Person!, req.Contact.Email!, req.Contact.Phone);

    private static string? Optional(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();
}

/// <param name="Verification">Pending for a profile a user creates; the demo world is seeded verified.</param>
internal sealed record NewPartner(Guid PublicId, long OwnerUserId, PartnerFields Fields, DateTime CreatedAt, string Verification = VerificationStatus.Pending);

/// <summary>The home of partner profiles: their columns, the row they read into, and every read and write of the partner tables.</summary>
internal static class PartnerStore
{
    public const string SelectColumns = """
        p.id AS Id, p.public_id AS PublicId, u.public_id AS OwnerId, p.name AS Name, p.name_zh AS NameZh, p.name_ru AS NameRu, p.uscc AS Uscc,
        p.city_code AS CityCode, p.kind AS Kind, p.ticket_min_usd AS TicketMinUsd, p.ticket_max_usd AS TicketMaxUsd,
        p.languages AS Languages, p.seeks_export_oriented AS SeeksExportOriented,
        p.required_certifications AS RequiredCertifications, p.description AS Description,
        p.contact_person AS ContactPerson, p.contact_email AS ContactEmail, p.contact_phone AS ContactPhone,
        p.created_at AS CreatedAt, p.updated_at AS UpdatedAt, p.version AS Version,
        p.verification AS Verification, p.verification_note AS VerificationNote, p.verification_since AS VerificationSince
        """;

    public const string From = " FROM partners p JOIN users u ON u.id = p.owner_user_id ";

    private const string FindSql = "SELECT " + SelectColumns + From + "WHERE p.public_id = @Id";

    private const string ByIdsSql = "SELECT " + SelectColumns + From + "WHERE p.id IN /**ids**/";

    private const string AllSql = "SELECT " + SelectColumns + From;

    private const string ChangedSinceSql = "SELECT id AS Id, version AS Version FROM partners WHERE updated_at >= @Since";

    private const string VersionsSql = "SELECT id AS Id, version AS Version FROM partners";

    private const string OfOwnerSql = """
        SELECT u.id AS UserId, p.id AS ProfileId
        FROM users u LEFT JOIN partners p ON p.owner_user_id = u.id
        WHERE u.public_id = @UserId
        """;

    private const string UsccTakenSql = "SELECT COUNT(*) FROM partners WHERE uscc = @Uscc AND (@ExceptId IS NULL OR id <> @ExceptId)";

    private const string ListsSql = """
        SELECT 'sector' AS Kind, partner_id AS OwnerId, sector_code AS Code, position AS Position FROM partner_sectors WHERE partner_id IN /**ids**/
        UNION ALL
        SELECT 'offering', partner_id, need_type_code, position FROM partner_offerings WHERE partner_id IN /**ids**/
        UNION ALL
        SELECT 'region', partner_id, region_code, position FROM partner_target_regions WHERE partner_id IN /**ids**/
        ORDER BY OwnerId, Kind, Position
        """;

    private const string AllListsSql = """
        SELECT 'sector' AS Kind, partner_id AS OwnerId, sector_code AS Code, position AS Position FROM partner_sectors
        UNION ALL
        SELECT 'offering', partner_id, need_type_code, position FROM partner_offerings
        UNION ALL
        SELECT 'region', partner_id, region_code, position FROM partner_target_regions
        ORDER BY OwnerId, Kind, Position
        """;

    private const string InsertSql = """
        INSERT INTO partners (public_id, owner_user_id, name, name_zh, name_ru, search_text, uscc, city_code, kind, ticket_min_usd,
                              ticket_max_usd, languages, seeks_export_oriented, required_certifications, description,
                              contact_person, contact_email, contact_phone, created_at, updated_at, version, verification, verification_since)
        VALUES (@PublicId, @OwnerUserId, @Name, @NameZh, @NameRu, @SearchText, @Uscc, @City, @Kind, @TicketMinUsd,
                @TicketMaxUsd, @Languages, @SeeksExportOriented, @RequiredCertifications, @Description,
                @ContactPerson, @ContactEmail, @ContactPhone, @CreatedAt, @CreatedAt, 1, @Verification, @CreatedAt)
        """;

    private const string IdSql = "SELECT id FROM partners WHERE public_id = @PublicId";

    private const string UpdateSql = """
        UPDATE partners
        SET name = @Name, name_zh = @NameZh, name_ru = @NameRu, search_text = @SearchText, uscc = @Uscc, city_code = @City, kind = @Kind,
            ticket_min_usd = @TicketMinUsd, ticket_max_usd = @TicketMaxUsd, languages = @Languages,
            seeks_export_oriented = @SeeksExportOriented, required_certifications = @RequiredCertifications,
            description = @Description, contact_person = @ContactPerson, contact_email = @ContactEmail,
            contact_phone = @ContactPhone, updated_at = @Now, version = version + 1,
            verification = @Verification, verification_note = @VerificationNote, verification_since = @VerificationSince
        WHERE id = @Id AND version = @Version
        """;

    private const string UnfoldedSql = "SELECT id AS Id, name AS Name, name_zh AS NameZh, name_ru AS NameRu, description AS Description FROM partners WHERE search_text = ''";

    private const string SetSearchTextSql = "UPDATE partners SET search_text = @SearchText WHERE id = @Id";

    private const string DeleteSectorsSql = "DELETE FROM partner_sectors WHERE partner_id = @OwnerId";
    private const string InsertSectorSql = "INSERT INTO partner_sectors (partner_id, sector_code, position) VALUES (@OwnerId, @Code, @Position)";
    private const string DeleteOfferingsSql = "DELETE FROM partner_offerings WHERE partner_id = @OwnerId";
    private const string InsertOfferingSql = "INSERT INTO partner_offerings (partner_id, need_type_code, position) VALUES (@OwnerId, @Code, @Position)";
    private const string DeleteRegionsSql = "DELETE FROM partner_target_regions WHERE partner_id = @OwnerId";
    private const string InsertRegionSql = "INSERT INTO partner_target_regions (partner_id, region_code, position) VALUES (@OwnerId, @Code, @Position)";

    public static Task<PartnerRow?> FindAsync(DbConnection connection, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<PartnerRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));

    /// <summary>The given partners, or every partner when <paramref name="ids"/> is null.</summary>
    public static async Task<IReadOnlyList<PartnerRow>> ByIdsAsync(DbConnection connection, DbTransaction? tx, IReadOnlyCollection<long>? ids, CancellationToken ct) =>
        ids is null
            ? (await connection.QueryAsync<PartnerRow>(new CommandDefinition(AllSql, transaction: tx, cancellationToken: ct))).ToList()
            : await IdChunks.QueryAsync<PartnerRow>(connection, tx, ByIdsSql, ids, ct);

    /// <summary>The partners updated at or after <paramref name="since"/>, with their row versions.</summary>
    public static async Task<IReadOnlyList<(long Id, int Version)>> ChangedSinceAsync(DbConnection connection, DbTransaction? tx, DateTime since, CancellationToken ct) =>
        (await connection.QueryAsync<(long Id, int Version)>(new CommandDefinition(ChangedSinceSql, new { Since = since }, tx, cancellationToken: ct))).ToList();

    public static async Task<IReadOnlyList<(long Id, int Version)>> VersionsAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct) =>
        (await connection.QueryAsync<(long Id, int Version)>(new CommandDefinition(VersionsSql, transaction: tx, cancellationToken: ct))).ToList();

    /// <summary>The signed-in account's internal id and, if it has one, its partner profile's.</summary>
    public static Task<OwnerRow?> OfOwnerAsync(DbConnection connection, Guid userPublicId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<OwnerRow>(new CommandDefinition(OfOwnerSql, new { UserId = userPublicId }, cancellationToken: ct));

    public static async Task<bool> UsccTakenAsync(DbConnection connection, string uscc, long? exceptId, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(UsccTakenSql, new { Uscc = uscc, ExceptId = exceptId }, cancellationToken: ct)) > 0;

    /// <summary>The lists of the given partners, or of every partner when <paramref name="ids"/> is null.</summary>
    public static async Task<PartnerLists> ListsAsync(DbConnection connection, IReadOnlyCollection<long>? ids, CancellationToken ct, DbTransaction? tx = null)
    {
        var rows = ids is null
            ? (await connection.QueryAsync<ListRow>(new CommandDefinition(AllListsSql, transaction: tx, cancellationToken: ct))).ToList()
            : await IdChunks.QueryAsync<ListRow>(connection, tx, ListsSql, ids, ct);
        ILookup<long, string> Of(string kind) => rows.Where(r => r.Kind == kind).ToLookup(r => r.OwnerId, r => r.Code);
        return new PartnerLists(Of("sector"), Of("offering"), Of("region"));
    }

    /// <summary>Inserts profiles with their lists; returns their internal ids by public id.</summary>
    public static async Task<Dictionary<Guid, long>> InsertAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<NewPartner> partners, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, partners.Select(p =>
        {
            var args = Parameters(p.Fields);
            args.AddDynamicParams(new { p.PublicId, p.OwnerUserId, p.CreatedAt, p.Verification });
            return args;
        }).ToList(), tx, cancellationToken: ct));
        var ids = await PublicIds.InternalIdsAsync(connection, tx, IdSql, partners.Select(p => p.PublicId), ct);
        await InsertListsAsync(connection, tx, partners.Select(p => (ids[p.PublicId], p.Fields)).ToList(), ct);
        return ids;
    }

    /// <summary>Replaces a profile read at <paramref name="version"/>; false when it changed since.</summary>
    public static async Task<bool> UpdateAsync(DbConnection connection, DbTransaction tx, long id, int version, PartnerFields fields, VerificationState verification, DateTime now, CancellationToken ct)
    {
        var args = Parameters(fields);
        args.AddDynamicParams(new { Id = id, Version = version, Now = now, Verification = verification.Status, VerificationNote = verification.Note, VerificationSince = verification.Since });
        if (await connection.ExecuteAsync(new CommandDefinition(UpdateSql, args, tx, cancellationToken: ct)) == 0)
            return false;
        foreach (var deleteSql in (string[])[DeleteSectorsSql, DeleteOfferingsSql, DeleteRegionsSql])
            await connection.ExecuteAsync(new CommandDefinition(deleteSql, new { OwnerId = id }, tx, cancellationToken: ct));
        await InsertListsAsync(connection, tx, [(id, fields)], ct);
        return true;
    }

    private static async Task InsertListsAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<(long Id, PartnerFields Fields)> partners, CancellationToken ct)
    {
        await OwnedCode.InsertAsync(connection, tx, InsertSectorSql, partners.Select(p => (p.Id, p.Fields.Sectors)), ct);
        await OwnedCode.InsertAsync(connection, tx, InsertOfferingSql, partners.Select(p => (p.Id, p.Fields.Offerings)), ct);
        await OwnedCode.InsertAsync(connection, tx, InsertRegionSql, partners.Select(p => (p.Id, p.Fields.TargetRegions)), ct);
    }

    /// <summary>Folds the search texts of the profiles stored before they were kept (emptied by migration 0029); returns how many.</summary>
    public static Task<int> FoldSearchTextAsync(DbConnection connection, CancellationToken ct) =>
        SearchText.RefillAsync<(long Id, string Name, string? NameZh, string? NameRu, string? Description)>(connection, UnfoldedSql, SetSearchTextSql,
            p => new { p.Id, SearchText = SearchText.Of(p.Name, p.NameZh, p.NameRu, p.Description) }, ct);

    private static DynamicParameters Parameters(PartnerFields f)
    {
        var p = new DynamicParameters();
        p.Add("Name", f.Name);
        p.Add("NameZh", f.NameZh);
        p.Add("NameRu", f.NameRu);
        p.Add("SearchText", SearchText.Of(f.Name, f.NameZh, f.NameRu, f.Description));
        p.Add("Uscc", f.Uscc);
        p.Add("City", f.City);
        p.Add("Kind", f.Kind);
        p.Add("TicketMinUsd", f.TicketMinUsd);
        p.Add("TicketMaxUsd", f.TicketMaxUsd);
        p.Add("Languages", JsonList.Write(f.Languages));
        p.Add("SeeksExportOriented", f.SeeksExportOriented);
        p.Add("RequiredCertifications", JsonList.Write(f.RequiredCertifications));
        p.Add("Description", f.Description);
        p.Add("ContactPerson", f.ContactPerson);
        p.Add("ContactEmail", f.ContactEmail);
        p.Add("ContactPhone", f.ContactPhone);
        return p;
    }

    private sealed record ListRow
    {
        public string Kind { get; init; } = "";
        public long OwnerId { get; init; }
        public string Code { get; init; } = "";
        public int Position { get; init; }
    }
}
