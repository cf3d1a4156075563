using System.Data.Common;
using Dapper;
using Matchmaker.Api.Features.Shared;

namespace Matchmaker.Api.Features.Smes;

internal sealed record SmeRow
{
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public Guid OwnerId { get; init; }
    public string Name { get; init; } = "";
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
}

/// <summary>Reads and writes of SME profiles shared by the SME use cases (and the needs that hang off them).</summary>
internal static class SmeStore
{
    public const string SelectColumns = """
        s.id AS Id, s.public_id AS PublicId, u.public_id AS OwnerId, s.name AS Name, s.inn AS Inn,
        s.region_code AS RegionCode, s.employees AS Employees, s.founded_year AS FoundedYear,
        s.export_oriented AS ExportOriented, s.languages AS Languages, s.certifications AS Certifications,
        s.description AS Description, s.contact_person AS ContactPerson, s.contact_email AS ContactEmail,
        s.contact_phone AS ContactPhone, s.created_at AS CreatedAt, s.updated_at AS UpdatedAt, s.version AS Version
        """;

    private const string FindSql = "SELECT " + SelectColumns + " FROM smes s JOIN users u ON u.id = s.owner_user_id WHERE s.public_id = @Id";

    private const string SectorsSql = "SELECT sme_id AS OwnerId, sector_code AS Code FROM sme_sectors WHERE sme_id IN @Ids ORDER BY sme_id, position";

    private const string DeleteSectorsSql = "DELETE FROM sme_sectors WHERE sme_id = @SmeId";

    private const string InsertSectorSql = "INSERT INTO sme_sectors (sme_id, sector_code, position) VALUES (@SmeId, @Code, @Position)";

    public static Task<SmeRow?> FindAsync(DbConnection connection, Guid id, CancellationToken ct, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<SmeRow>(new CommandDefinition(FindSql, new { Id = id }, tx, cancellationToken: ct));

    public static async Task<ILookup<long, string>> SectorsAsync(DbConnection connection, IReadOnlyCollection<long> smeIds, CancellationToken ct, DbTransaction? tx = null)
    {
        if (smeIds.Count == 0)
            return Array.Empty<OwnedCode>().ToLookup(c => c.OwnerId, c => c.Code);
        var rows = await connection.QueryAsync<OwnedCode>(new CommandDefinition(SectorsSql, new { Ids = smeIds }, tx, cancellationToken: ct));
        return rows.ToLookup(r => r.OwnerId, r => r.Code);
    }

    public static async Task ReplaceSectorsAsync(DbConnection connection, DbTransaction tx, long smeId, IReadOnlyList<string> sectors, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(DeleteSectorsSql, new { SmeId = smeId }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(InsertSectorSql,
            sectors.Select((code, i) => new { SmeId = smeId, Code = code, Position = i }), tx, cancellationToken: ct));
    }

    public static object Parameters(SmeRequest req, DateTime now) => new
    {
        Name = req.Name!.Trim(),
        SearchText = SearchText.Of(req.Name),
        req.Inn,
        req.Region,
        Employees = req.Employees!.Value,
        req.FoundedYear,
        ExportOriented = req.ExportOriented ?? false,
        Languages = JsonList.Write(req.Languages),
        Certifications = JsonList.Write(req.Certifications?.Select(c => c.Trim())),
        req.Description,
        ContactPerson = req.Contact!.Person,
        ContactEmail = req.Contact.Email,
        ContactPhone = req.Contact.Phone,
        Now = now,
    };
}
