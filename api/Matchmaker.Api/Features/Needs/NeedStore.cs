using System.Data.Common;
using Dapper;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Smes;
using Matchmaker.Api.Infrastructure.Data;

namespace Matchmaker.Api.Features.Needs;

internal sealed record NeedRow
{
    public long Id { get; init; }
    public Guid PublicId { get; init; }
    public long SmeId { get; init; }
    public Guid SmePublicId { get; init; }
    public Guid SmeOwnerId { get; init; }
    public string SmeName { get; init; } = "";
    public string Region { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Description { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "";
    public decimal AmountUsd { get; init; }
    public int JobsToCreate { get; init; }
    public string ExportMarkets { get; init; } = "[]";
    public int HorizonMonths { get; init; }
    public bool HasOwnSectors { get; init; }
    public string Status { get; init; } = "";
    public string? CloseReason { get; init; }
    public DateTime? ClosedAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public int Version { get; init; }
}

internal sealed record NeedLists(ILookup<long, string> NeedTypes, ILookup<long, string> OwnSectors, ILookup<long, string> SmeSectors);

internal static class NeedStatus
{
    public const string Open = "open";
    public const string Closed = "closed";
}

internal static class NeedStore
{
    public const string SelectColumns = """
        n.id AS Id, n.public_id AS PublicId, n.sme_id AS SmeId, s.public_id AS SmePublicId, u.public_id AS SmeOwnerId,
        s.name AS SmeName, s.region_code AS Region, n.title AS Title, n.description AS Description, n.amount AS Amount,
        n.currency AS Currency, n.amount_usd AS AmountUsd, n.jobs_to_create AS JobsToCreate, n.export_markets AS ExportMarkets,
        n.horizon_months AS HorizonMonths, n.has_own_sectors AS HasOwnSectors, n.status AS Status,
        n.close_reason AS CloseReason, n.closed_at AS ClosedAt, n.created_at AS CreatedAt, n.updated_at AS UpdatedAt,
        n.version AS Version
        """;

    public const string From = " FROM needs n JOIN smes s ON s.id = n.sme_id JOIN users u ON u.id = s.owner_user_id ";

    private const string FindSql = "SELECT " + SelectColumns + From + "WHERE n.public_id = @Id";

    private const string NeedTypesSql = "SELECT need_id AS OwnerId, need_type_code AS Code FROM need_need_types WHERE need_id IN @Ids ORDER BY need_id, position";

    private const string OwnSectorsSql = "SELECT need_id AS OwnerId, sector_code AS Code FROM need_sectors WHERE need_id IN @Ids ORDER BY need_id, position";

    private const string DeleteNeedTypesSql = "DELETE FROM need_need_types WHERE need_id = @NeedId";

    private const string InsertNeedTypeSql = "INSERT INTO need_need_types (need_id, need_type_code, position) VALUES (@NeedId, @Code, @Position)";

    private const string DeleteSectorsSql = "DELETE FROM need_sectors WHERE need_id = @NeedId";

    private const string InsertSectorSql = "INSERT INTO need_sectors (need_id, sector_code, position) VALUES (@NeedId, @Code, @Position)";

    private const string UsdRateSql = """
        SELECT /**top**/ usd_per_unit FROM fx_rates
        WHERE currency = @Currency AND effective_date <= @AsOf
        ORDER BY effective_date DESC
        /**limit**/
        """;

    public static Task<NeedRow?> FindAsync(DbConnection connection, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<NeedRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));

    public static async Task<NeedLists> ListsAsync(DbConnection connection, IReadOnlyCollection<NeedRow> needs, CancellationToken ct)
    {
        if (needs.Count == 0)
            return new NeedLists(Empty(), Empty(), Empty());
        var ids = needs.Select(n => n.Id).ToList();
        var types = await connection.QueryAsync<OwnedCode>(new CommandDefinition(NeedTypesSql, new { Ids = ids }, cancellationToken: ct));
        var own = await connection.QueryAsync<OwnedCode>(new CommandDefinition(OwnSectorsSql, new { Ids = ids }, cancellationToken: ct));
        var smeSectors = await SmeStore.SectorsAsync(connection, needs.Select(n => n.SmeId).Distinct().ToList(), ct);
        return new NeedLists(types.ToLookup(t => t.OwnerId, t => t.Code), own.ToLookup(t => t.OwnerId, t => t.Code), smeSectors);
    }

    public static async Task ReplaceListsAsync(DbConnection connection, DbTransaction tx, long needId, NeedRequest req, CancellationToken ct)
    {
        var id = new { NeedId = needId };
        await connection.ExecuteAsync(new CommandDefinition(DeleteNeedTypesSql, id, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(InsertNeedTypeSql,
            req.NeedTypes!.Select((code, i) => new { NeedId = needId, Code = code, Position = i }), tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(DeleteSectorsSql, id, tx, cancellationToken: ct));
        if (req.Sectors is { Count: > 0 })
            await connection.ExecuteAsync(new CommandDefinition(InsertSectorSql,
                req.Sectors.Select((code, i) => new { NeedId = needId, Code = code, Position = i }), tx, cancellationToken: ct));
    }

    /// <summary>Converts with the latest rate effective on or before <paramref name="asOf"/>.</summary>
    public static async Task<decimal> ToUsdAsync(Db db, DbConnection connection, DbTransaction? tx, decimal amount, string currency, DateTime asOf, CancellationToken ct)
    {
        var rate = await connection.ExecuteScalarAsync<decimal?>(new CommandDefinition(db.Sql(UsdRateSql), new { Currency = currency, AsOf = asOf.Date, Take = 1 }, tx, cancellationToken: ct))
            ?? throw new InvalidOperationException($"No FX rate for {currency} effective on or before {asOf:yyyy-MM-dd}.");
        return Math.Round(amount * rate, 2, MidpointRounding.AwayFromZero);
    }

    public static DynamicParameters Parameters(NeedRequest req, decimal amountUsd, DateTime now)
    {
        var p = new DynamicParameters();
        p.Add("Title", req.Title!.Trim());
        p.Add("SearchText", SearchText.Of(req.Title));
        p.Add("Description", req.Description);
        p.Add("Amount", req.Amount!.Amount!.Value);
        p.Add("Currency", req.Amount.Currency);
        p.Add("AmountUsd", amountUsd);
        p.Add("JobsToCreate", req.JobsToCreate ?? 0);
        p.Add("ExportMarkets", JsonList.Write(req.ExportMarkets));
        p.Add("HorizonMonths", req.HorizonMonths!.Value);
        p.Add("HasOwnSectors", req.Sectors is { Count: > 0 });
        p.Add("Now", now);
        return p;
    }

    private static ILookup<long, string> Empty() => Array.Empty<OwnedCode>().ToLookup(c => c.OwnerId, c => c.Code);
}
