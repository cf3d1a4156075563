using System.Data.Common;
using Dapper;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Partners;

internal sealed record PartnerRow
{
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public Guid OwnerId { get; init; }
    public string Name { get; init; } = "";
    public string? NameZh { get; init; }
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
}

internal sealed record PartnerLists(ILookup<long, string> Sectors, ILookup<long, string> Offerings, ILookup<long, string> TargetRegions);

internal static class PartnerStore
{
    public const string SelectColumns = """
        p.id AS Id, p.public_id AS PublicId, u.public_id AS OwnerId, p.name AS Name, p.name_zh AS NameZh, p.uscc AS Uscc,
        p.city_code AS CityCode, p.kind AS Kind, p.ticket_min_usd AS TicketMinUsd, p.ticket_max_usd AS TicketMaxUsd,
        p.languages AS Languages, p.seeks_export_oriented AS SeeksExportOriented,
        p.required_certifications AS RequiredCertifications, p.description AS Description,
        p.contact_person AS ContactPerson, p.contact_email AS ContactEmail, p.contact_phone AS ContactPhone,
        p.created_at AS CreatedAt, p.updated_at AS UpdatedAt, p.version AS Version
        """;

    public const string From = " FROM partners p JOIN users u ON u.id = p.owner_user_id ";

    private const string FindSql = "SELECT " + SelectColumns + From + "WHERE p.public_id = @Id";

    private const string ListsSql = """
        SELECT 'sector' AS Kind, partner_id AS OwnerId, sector_code AS Code, position AS Position FROM partner_sectors WHERE partner_id IN @Ids
        UNION ALL
        SELECT 'offering', partner_id, need_type_code, position FROM partner_offerings WHERE partner_id IN @Ids
        UNION ALL
        SELECT 'region', partner_id, region_code, position FROM partner_target_regions WHERE partner_id IN @Ids
        ORDER BY OwnerId, Kind, Position
        """;

    private const string DeleteSectorsSql = "DELETE FROM partner_sectors WHERE partner_id = @PartnerId";
    private const string InsertSectorSql = "INSERT INTO partner_sectors (partner_id, sector_code, position) VALUES (@PartnerId, @Code, @Position)";
    private const string DeleteOfferingsSql = "DELETE FROM partner_offerings WHERE partner_id = @PartnerId";
    private const string InsertOfferingSql = "INSERT INTO partner_offerings (partner_id, need_type_code, position) VALUES (@PartnerId, @Code, @Position)";
    private const string DeleteRegionsSql = "DELETE FROM partner_target_regions WHERE partner_id = @PartnerId";
    private const string InsertRegionSql = "INSERT INTO partner_target_regions (partner_id, region_code, position) VALUES (@PartnerId, @Code, @Position)";

    public static Task<PartnerRow?> FindAsync(DbConnection connection, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<PartnerRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));

    public static async Task<PartnerLists> ListsAsync(DbConnection connection, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var rows = ids.Count == 0
            ? []
            : (await connection.QueryAsync<ListRow>(new CommandDefinition(ListsSql, new { Ids = ids }, cancellationToken: ct))).ToList();
        ILookup<long, string> Of(string kind) => rows.Where(r => r.Kind == kind).ToLookup(r => r.OwnerId, r => r.Code);
        return new PartnerLists(Of("sector"), Of("offering"), Of("region"));
    }

    public static async Task ReplaceListsAsync(DbConnection connection, DbTransaction tx, long partnerId, PartnerRequest req, CancellationToken ct)
    {
        await ReplaceAsync(DeleteSectorsSql, InsertSectorSql, req.Sectors);
        await ReplaceAsync(DeleteOfferingsSql, InsertOfferingSql, req.Offerings);
        await ReplaceAsync(DeleteRegionsSql, InsertRegionSql, req.TargetRegions);

        async Task ReplaceAsync(string deleteSql, string insertSql, List<string>? codes)
        {
            await connection.ExecuteAsync(new CommandDefinition(deleteSql, new { PartnerId = partnerId }, tx, cancellationToken: ct));
            if (codes is { Count: > 0 })
                await connection.ExecuteAsync(new CommandDefinition(insertSql,
                    codes.Select((code, i) => new { PartnerId = partnerId, Code = code, Position = i }), tx, cancellationToken: ct));
        }
    }

    public static DynamicParameters Parameters(PartnerRequest req, DateTime now)
    {
        var p = new DynamicParameters();
        p.Add("Name", req.Name!.Trim());
        p.Add("NameZh", string.IsNullOrWhiteSpace(req.NameZh) ? null : req.NameZh.Trim());
        p.Add("SearchText", SearchText.Of(req.Name, req.NameZh));
        p.Add("Uscc", req.Uscc);
        p.Add("City", req.City);
        p.Add("Kind", req.Kind);
        p.Add("TicketMinUsd", req.Ticket!.MinUsd!.Value);
        p.Add("TicketMaxUsd", req.Ticket.MaxUsd!.Value);
        p.Add("Languages", JsonList.Write(req.Languages));
        p.Add("SeeksExportOriented", req.SeeksExportOriented ?? false);
        p.Add("RequiredCertifications", JsonList.Write(req.RequiredCertifications?.Select(c => c.Trim())));
        p.Add("Description", req.Description);
        p.Add("ContactPerson", req.Contact!.Person);
        p.Add("ContactEmail", req.Contact.Email);
        p.Add("ContactPhone", req.Contact.Phone);
        p.Add("Now", now);
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
