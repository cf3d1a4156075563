using Matchmaker.Api.Features.Reference.FxRates;
using Matchmaker.Api.Features.Shared;

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
    public bool SmeExportOriented { get; init; }
    public string SmeLanguages { get; init; } = "[]";
    public string SmeCertifications { get; init; } = "[]";
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

    /// <summary>Null only between the migration that added it and the start-up that fills it in.</summary>
    public DateTime? ExpiresAt { get; init; }

    /// <summary>Where the need's SME stands with the agencies: its needs are seen and matched as the SME is.</summary>
    public string SmeVerification { get; init; } = "";

    /// <summary>The status a reader sees at <paramref name="now"/>: an open need whose time ran out is expired.</summary>
    public string StatusAt(DateTime now) => NeedStatus.At(Status, ExpiresAt, now);
}

/// <param name="EffectiveSectors">The sectors matching uses: the need's own, else its SME's (the <c>need_effective_sectors</c> view).</param>
internal sealed record NeedLists(ILookup<long, string> NeedTypes, ILookup<long, string> OwnSectors, ILookup<long, string> EffectiveSectors);

/// <summary>What a client or the demo data says a need is; the server adds the id, owner and timestamps.</summary>
internal sealed record NeedFields(
    string Title, string? Description, decimal Amount, string Currency, int JobsToCreate, IReadOnlyList<string> ExportMarkets,
    int HorizonMonths, IReadOnlyList<string> NeedTypes, IReadOnlyList<string> OwnSectors)
{
    public static NeedFields From(NeedRequest req) => new(
        req.Title!.Trim(), req.Description, req.Amount!.Amount!.Value, req.Amount.Currency!, req.JobsToCreate ?? 0,
        req.ExportMarkets ?? [], req.HorizonMonths!.Value, req.NeedTypes!, req.Sectors ?? []);
}

internal sealed record NewNeed(Guid PublicId, long SmeId, NeedFields Fields, DateTime CreatedAt, DateTime ExpiresAt)
{
    public string Status { get; init; } = NeedStatus.Open;
    public string? CloseReason { get; init; }
    public DateTime? ClosedAt { get; init; }
    public DateTime UpdatedAt { get; init; } = CreatedAt;
    public int Version { get; init; } = 1;
}

/// <summary>
/// A need is stored <c>open</c> or <c>closed</c>; an open one reads as <c>expired</c> from the instant its
/// <c>expires_at</c> passes, whether or not the expiry sweep has been by, until it is renewed.
/// </summary>
internal static class NeedStatus
{
    public const string Open = "open";
    public const string Closed = "closed";
    public const string Expired = "expired";

    public static readonly string[] All = [Open, Expired, Closed];

    public static string At(string stored, DateTime? expiresAt, DateTime now) =>
        stored == Open && expiresAt <= now ? Expired : stored;

    /// <summary>SQL over <c>n</c>: the need takes part in matching at <c>@Now</c> (the rule of <see cref="At"/>).</summary>
    public const string OpenAtNow = " (n.status = 'open' AND n.expires_at > @Now) ";
}

/// <summary>The home of needs: their columns, the row they read into, and every read and write of the needs tables.</summary>
internal static partial class NeedStore
{
    public const string SelectColumns = """
        n.id AS Id, n.public_id AS PublicId, n.sme_id AS SmeId, s.public_id AS SmePublicId, u.public_id AS SmeOwnerId,
        s.name AS SmeName, s.region_code AS Region, s.export_oriented AS SmeExportOriented, s.languages AS SmeLanguages,
        s.certifications AS SmeCertifications, n.title AS Title, n.description AS Description, n.amount AS Amount,
        n.currency AS Currency, n.amount_usd AS AmountUsd, n.jobs_to_create AS JobsToCreate, n.export_markets AS ExportMarkets,
        n.horizon_months AS HorizonMonths, n.has_own_sectors AS HasOwnSectors, n.status AS Status,
        n.close_reason AS CloseReason, n.closed_at AS ClosedAt, n.created_at AS CreatedAt, n.updated_at AS UpdatedAt,
        n.version AS Version, n.expires_at AS ExpiresAt, s.verification AS SmeVerification
        """;

    public const string From = " FROM needs n JOIN smes s ON s.id = n.sme_id JOIN users u ON u.id = s.owner_user_id ";

    private const string FindSql = "SELECT " + SelectColumns + From + "WHERE n.public_id = @Id";

    private const string ByIdsSql = "SELECT " + SelectColumns + From + "WHERE n.id IN /**ids**/";

    /// <summary>The needs that carry scores: open ones, and closed ones whose matches someone acted on (their deals keep a score).</summary>
    private const string IsScored = " (n.status = 'open' OR EXISTS (SELECT 1 FROM matches m WHERE m.need_id = n.id AND m.status <> 'suggested')) ";

    private const string ScoredSql = "SELECT " + SelectColumns + From + "WHERE" + IsScored;

    private const string ScoredIdsOfSmeSql = "SELECT n.id FROM needs n WHERE n.sme_id = @SmeId AND" + IsScored;

    private const string ScoredInCurrenciesSql = "SELECT n.id AS Id, n.amount AS Amount, n.currency AS Currency, n.status AS Status FROM needs n WHERE n.currency IN @Currencies AND" + IsScored;

    private const string NeedTypesSql = "SELECT need_id AS OwnerId, need_type_code AS Code FROM need_need_types WHERE need_id IN /**ids**/ ORDER BY need_id, position";

    private const string OwnSectorsSql = "SELECT need_id AS OwnerId, sector_code AS Code FROM need_sectors WHERE need_id IN /**ids**/ ORDER BY need_id, position";

    private const string EffectiveSectorsSql = "SELECT need_id AS OwnerId, sector_code AS Code FROM need_effective_sectors WHERE need_id IN /**ids**/ ORDER BY need_id, position";

    private const string AllNeedTypesSql = "SELECT need_id AS OwnerId, need_type_code AS Code FROM need_need_types ORDER BY need_id, position";

    private const string AllOwnSectorsSql = "SELECT need_id AS OwnerId, sector_code AS Code FROM need_sectors ORDER BY need_id, position";

    private const string AllEffectiveSectorsSql = "SELECT need_id AS OwnerId, sector_code AS Code FROM need_effective_sectors ORDER BY need_id, position";

    private const string InsertSql = """
        INSERT INTO needs (public_id, sme_id, title, search_text, description, amount, currency, amount_usd, jobs_to_create,
                           export_markets, horizon_months, has_own_sectors, status, close_reason, closed_at, created_at, updated_at, version, expires_at)
        VALUES (@PublicId, @SmeId, @Title, @SearchText, @Description, @Amount, @Currency, @AmountUsd, @JobsToCreate,
                @ExportMarkets, @HorizonMonths, @HasOwnSectors, @Status, @CloseReason, @ClosedAt, @CreatedAt, @UpdatedAt, @Version, @ExpiresAt)
        """;

    private const string IdSql = "SELECT id FROM needs WHERE public_id = @PublicId";

    private const string UpdateSql = """
        UPDATE needs
        SET title = @Title, search_text = @SearchText, description = @Description, amount = @Amount, currency = @Currency,
            amount_usd = @AmountUsd, jobs_to_create = @JobsToCreate, export_markets = @ExportMarkets,
            horizon_months = @HorizonMonths, has_own_sectors = @HasOwnSectors, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND status = 'open'
        """;

    private const string CloseSql = """
        UPDATE needs
        SET status = 'closed', close_reason = @Reason, closed_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status = 'open'
        """;

    private const string UnfoldedSql = "SELECT id AS Id, title AS Title, description AS Description FROM needs WHERE search_text = ''";

    private const string SetSearchTextSql = "UPDATE needs SET search_text = @SearchText WHERE id = @Id";

    private const string SetAmountUsdSql = "UPDATE needs SET amount_usd = @AmountUsd WHERE id = @Id";

    private const string DeleteNeedTypesSql = "DELETE FROM need_need_types WHERE need_id = @OwnerId";

    private const string InsertNeedTypeSql = "INSERT INTO need_need_types (need_id, need_type_code, position) VALUES (@OwnerId, @Code, @Position)";

    private const string DeleteSectorsSql = "DELETE FROM need_sectors WHERE need_id = @OwnerId";

    private const string InsertSectorSql = "INSERT INTO need_sectors (need_id, sector_code, position) VALUES (@OwnerId, @Code, @Position)";

    public static Task<NeedRow?> FindAsync(DbConnection connection, Guid id, CancellationToken ct, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<NeedRow>(new CommandDefinition(FindSql, new { Id = id }, tx, cancellationToken: ct));

    public static async Task<IReadOnlyList<NeedRow>> ByIdsAsync(DbConnection connection, DbTransaction? tx, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        await IdChunks.QueryAsync<NeedRow>(connection, tx, ByIdsSql, ids, ct);

    /// <summary>Every need a full re-score scores.</summary>
    public static async Task<IReadOnlyList<NeedRow>> ScoredAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct) =>
        (await connection.QueryAsync<NeedRow>(new CommandDefinition(ScoredSql, transaction: tx, cancellationToken: ct))).ToList();

    public static async Task<IReadOnlyList<long>> ScoredIdsOfSmeAsync(DbConnection connection, DbTransaction tx, long smeId, CancellationToken ct) =>
        (await connection.QueryAsync<long>(new CommandDefinition(ScoredIdsOfSmeSql, new { SmeId = smeId }, tx, cancellationToken: ct))).ToList();

    /// <summary>The lists of the given needs; with <paramref name="all"/>, of every need (one read per list, not one per need).</summary>
    public static async Task<NeedLists> ListsAsync(DbConnection connection, IReadOnlyCollection<NeedRow> needs, CancellationToken ct, DbTransaction? tx = null, bool all = false)
    {
        if (needs.Count == 0)
            return new NeedLists(OwnedCode.None, OwnedCode.None, OwnedCode.None);
        return new NeedLists(
            await CodesAsync(all ? AllNeedTypesSql : NeedTypesSql),
            await CodesAsync(all ? AllOwnSectorsSql : OwnSectorsSql),
            await CodesAsync(all ? AllEffectiveSectorsSql : EffectiveSectorsSql));

        async Task<ILookup<long, string>> CodesAsync(string sql) =>
            (all
                ? await connection.QueryAsync<OwnedCode>(new CommandDefinition(sql, transaction: tx, cancellationToken: ct))
                : await IdChunks.QueryAsync<OwnedCode>(connection, tx, sql, needs.Select(n => n.Id), ct))
            .ToLookup(c => c.OwnerId, c => c.Code);
    }

    /// <summary>Inserts needs with their lists; returns their internal ids by public id.</summary>
    public static async Task<Dictionary<Guid, long>> InsertAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<NewNeed> needs, UsdRates rates, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, needs.Select(n =>
        {
            var p = Parameters(n.Fields, rates);
            p.AddDynamicParams(new { n.PublicId, n.SmeId, n.Status, n.CloseReason, n.ClosedAt, n.CreatedAt, n.UpdatedAt, n.Version, n.ExpiresAt });
            return p;
        }).ToList(), tx, cancellationToken: ct));
        var ids = await PublicIds.InternalIdsAsync(connection, tx, IdSql, needs.Select(n => n.PublicId), ct);
        await OwnedCode.InsertAsync(connection, tx, InsertNeedTypeSql, needs.Select(n => (ids[n.PublicId], n.Fields.NeedTypes)), ct);
        await OwnedCode.InsertAsync(connection, tx, InsertSectorSql, needs.Select(n => (ids[n.PublicId], n.Fields.OwnSectors)), ct);
        return ids;
    }

    /// <summary>Replaces an open need read at <paramref name="version"/>; false when it changed or closed since.</summary>
    public static async Task<bool> UpdateAsync(DbConnection connection, DbTransaction tx, long id, int version, NeedFields fields, UsdRates rates, DateTime now, CancellationToken ct)
    {
        var p = Parameters(fields, rates);
        p.AddDynamicParams(new { Id = id, Version = version, Now = now });
        if (await connection.ExecuteAsync(new CommandDefinition(UpdateSql, p, tx, cancellationToken: ct)) == 0)
            return false;
        await connection.ExecuteAsync(new CommandDefinition(DeleteNeedTypesSql, new { OwnerId = id }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(DeleteSectorsSql, new { OwnerId = id }, tx, cancellationToken: ct));
        await OwnedCode.InsertAsync(connection, tx, InsertNeedTypeSql, [(id, fields.NeedTypes)], ct);
        await OwnedCode.InsertAsync(connection, tx, InsertSectorSql, [(id, fields.OwnSectors)], ct);
        return true;
    }

    /// <summary>Closes an open need; false when it was closed already.</summary>
    public static async Task<bool> CloseAsync(DbConnection connection, DbTransaction tx, long id, string? reason, DateTime now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(CloseSql, new { Id = id, Reason = reason, Now = now }, tx, cancellationToken: ct)) > 0;

    /// <summary>
    /// Converts the USD amount of the open needs in <paramref name="currencies"/> again; returns them and the
    /// closed needs in those currencies whose deals carry a score, all of which scoring must see again.
    /// </summary>
    public static async Task<IReadOnlyList<long>> RevalueAsync(DbConnection connection, DbTransaction tx, IReadOnlyCollection<string> currencies, UsdRates rates, CancellationToken ct)
    {
        var needs = (await connection.QueryAsync<AmountRow>(
            new CommandDefinition(ScoredInCurrenciesSql, new { Currencies = currencies }, tx, cancellationToken: ct))).ToList();
        await connection.ExecuteAsync(new CommandDefinition(SetAmountUsdSql,
            needs.Where(n => n.Status == NeedStatus.Open).Select(n => new { n.Id, AmountUsd = rates.Convert(n.Amount, n.Currency) }).ToList(),
            tx, cancellationToken: ct));
        return needs.Select(n => n.Id).ToList();
    }

    /// <summary>Folds the search texts of the needs stored before they were kept (emptied by migration 0029); returns how many.</summary>
    public static Task<int> FoldSearchTextAsync(DbConnection connection, CancellationToken ct) =>
        SearchText.RefillAsync<(long Id, string Title, string? Description)>(connection, UnfoldedSql, SetSearchTextSql,
            n => new { n.Id, SearchText = SearchText.Of(n.Title, n.Description) }, ct);

    private static DynamicParameters Parameters(NeedFields f, UsdRates rates)
    {
        var p = new DynamicParameters();
        p.Add("Title", f.Title);
        p.Add("SearchText", SearchText.Of(f.Title, f.Description));
        p.Add("Description", f.Description);
        p.Add("Amount", f.Amount);
        p.Add("Currency", f.Currency);
        p.Add("AmountUsd", rates.Convert(f.Amount, f.Currency));
        p.Add("JobsToCreate", f.JobsToCreate);
        p.Add("ExportMarkets", JsonList.Write(f.ExportMarkets));
        p.Add("HorizonMonths", f.HorizonMonths);
        p.Add("HasOwnSectors", f.OwnSectors.Count > 0);
        return p;
    }

    private sealed record AmountRow
    {
        public long Id { get; init; }
        public decimal Amount { get; init; }
        public string Currency { get; init; } = "";
        public string Status { get; init; } = "";
    }
}
