using System.Data.Common;
using Dapper;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Users;

namespace Matchmaker.Api.Features.Demo;

/// <summary>The writes of the demo data set: the same rows the create endpoints write, in bulk and with the demo world's dates.</summary>
internal static class DemoStore
{
    private const string ProfileCountSql = "SELECT (SELECT COUNT(*) FROM smes) + (SELECT COUNT(*) FROM partners) + (SELECT COUNT(*) FROM needs)";

    private const string CitiesSql = "SELECT code AS Code, name_en AS NameEn, name_zh AS NameZh, division AS Division FROM cities ORDER BY code";

    private const string LatestFxRatesSql = """
        SELECT f.currency AS Currency, f.usd_per_unit AS UsdPerUnit FROM fx_rates f
        WHERE f.effective_date = (SELECT MAX(l.effective_date) FROM fx_rates l WHERE l.currency = f.currency)
        """;

    private const string InsertUserSql = """
        INSERT INTO users (public_id, email, email_normalized, password_hash, role, is_active, created_at, updated_at, version)
        VALUES (@PublicId, @Email, @EmailNormalized, @PasswordHash, @Role, 1, @CreatedAt, @CreatedAt, 1)
        """;

    private const string UserIdsSql = "SELECT id AS Id, public_id AS PublicId FROM users";

    private const string InsertSmeSql = """
        INSERT INTO smes (public_id, owner_user_id, name, search_text, inn, region_code, employees, founded_year,
                          export_oriented, languages, certifications, description, contact_person, contact_email,
                          contact_phone, created_at, updated_at, version)
        VALUES (@PublicId, @OwnerUserId, @Name, @SearchText, @Inn, @Region, @Employees, @FoundedYear,
                @ExportOriented, @Languages, @Certifications, @Description, @ContactPerson, @ContactEmail,
                @ContactPhone, @CreatedAt, @CreatedAt, 1)
        """;

    private const string SmeIdsSql = "SELECT id AS Id, public_id AS PublicId FROM smes";

    private const string InsertSmeSectorSql = "INSERT INTO sme_sectors (sme_id, sector_code, position) VALUES (@OwnerId, @Code, @Position)";

    private const string InsertNeedSql = """
        INSERT INTO needs (public_id, sme_id, title, search_text, description, amount, currency, amount_usd, jobs_to_create,
                           export_markets, horizon_months, has_own_sectors, status, close_reason, closed_at, created_at, updated_at, version)
        VALUES (@PublicId, @SmeId, @Title, @SearchText, @Description, @Amount, @Currency, @AmountUsd, @JobsToCreate,
                @ExportMarkets, @HorizonMonths, @HasOwnSectors, @Status, @CloseReason, @ClosedAt, @CreatedAt, @UpdatedAt, @Version)
        """;

    private const string NeedIdsSql = "SELECT id AS Id, public_id AS PublicId FROM needs";

    private const string InsertNeedTypeSql = "INSERT INTO need_need_types (need_id, need_type_code, position) VALUES (@OwnerId, @Code, @Position)";

    private const string InsertNeedSectorSql = "INSERT INTO need_sectors (need_id, sector_code, position) VALUES (@OwnerId, @Code, @Position)";

    private const string InsertPartnerSql = """
        INSERT INTO partners (public_id, owner_user_id, name, name_zh, search_text, uscc, city_code, kind, ticket_min_usd,
                              ticket_max_usd, languages, seeks_export_oriented, required_certifications, description,
                              contact_person, contact_email, contact_phone, created_at, updated_at, version)
        VALUES (@PublicId, @OwnerUserId, @Name, @NameZh, @SearchText, @Uscc, @City, @Kind, @TicketMinUsd,
                @TicketMaxUsd, @Languages, @SeeksExportOriented, @RequiredCertifications, @Description,
                @ContactPerson, @ContactEmail, @ContactPhone, @CreatedAt, @CreatedAt, 1)
        """;

    private const string PartnerIdsSql = "SELECT id AS Id, public_id AS PublicId FROM partners";

    private const string InsertPartnerSectorSql = "INSERT INTO partner_sectors (partner_id, sector_code, position) VALUES (@OwnerId, @Code, @Position)";

    private const string InsertOfferingSql = "INSERT INTO partner_offerings (partner_id, need_type_code, position) VALUES (@OwnerId, @Code, @Position)";

    private const string InsertTargetRegionSql = "INSERT INTO partner_target_regions (partner_id, region_code, position) VALUES (@OwnerId, @Code, @Position)";

    private const string ScoredMatchesSql = """
        SELECT m.id AS MatchId, m.need_id AS NeedId, m.partner_id AS PartnerId, ms.score AS Score
        FROM matches m
        JOIN match_scores ms ON ms.match_id = m.id AND ms.criteria_version = (
        """ + ProfileStore.ActiveVersionSql + """
        )
        """;

    private const string UpdateMatchSql = """
        UPDATE matches
        SET status = @Status, sme_interested_at = @SmeInterestedAt, partner_interested_at = @PartnerInterestedAt,
            mutual_at = @MutualAt, created_at = @CreatedAt, updated_at = @UpdatedAt, version = @Version
        WHERE id = @MatchId
        """;

    private const string InsertEventSql = """
        INSERT INTO match_events (match_id, actor_id, actor_role, action, from_status, to_status, note, created_at)
        VALUES (@MatchId, @ActorId, @ActorRole, @Action, @FromStatus, @ToStatus, @Note, @At)
        """;

    public static async Task<bool> HasProfilesAsync(DbConnection c, CancellationToken ct) =>
        await c.ExecuteScalarAsync<long>(new CommandDefinition(ProfileCountSql, cancellationToken: ct)) > 0;

    public static async Task<IReadOnlyList<DemoCity>> CitiesAsync(DbConnection c, CancellationToken ct) =>
        (await c.QueryAsync<DemoCity>(new CommandDefinition(CitiesSql, cancellationToken: ct))).ToList();

    /// <summary>Inserts the accounts and profiles; returns the internal ids of needs and partners by public id.</summary>
    public static async Task<(Dictionary<Guid, long> Needs, Dictionary<Guid, long> Partners)> InsertAsync(
        DbConnection c, DbTransaction tx, DemoWorld world, Func<DemoUser, string> passwordHash, CancellationToken ct)
    {
        var users = world.Smes.Select(s => s.Owner).Concat(world.Partners.Select(p => p.Owner)).Append(world.Agency);
        await ExecuteAsync(InsertUserSql, users.Select(u => new
        {
            u.PublicId,
            u.Email,
            EmailNormalized = UserAccounts.Normalize(u.Email),
            PasswordHash = passwordHash(u),
            u.Role,
            u.CreatedAt,
        }));
        var userIds = await IdsAsync(UserIdsSql);

        await ExecuteAsync(InsertSmeSql, world.Smes.Select(s => new
        {
            s.PublicId,
            OwnerUserId = userIds[s.Owner.PublicId],
            s.Name,
            SearchText = SearchText.Of(s.Name),
            s.Inn,
            s.Region,
            s.Employees,
            s.FoundedYear,
            s.ExportOriented,
            Languages = JsonList.Write(s.Languages),
            Certifications = JsonList.Write(s.Certifications),
            s.Description,
            s.ContactPerson,
            ContactEmail = s.Owner.Email,
            s.ContactPhone,
            s.CreatedAt,
        }));
        var smeIds = await IdsAsync(SmeIdsSql);
        await ExecuteAsync(InsertSmeSectorSql, Codes(world.Smes, s => smeIds[s.PublicId], s => s.Sectors));

        var rates = (await c.QueryAsync<FxRow>(new CommandDefinition(LatestFxRatesSql, transaction: tx, cancellationToken: ct)))
            .ToDictionary(r => r.Currency, r => r.UsdPerUnit, StringComparer.Ordinal);
        var smeByIndex = world.Smes.ToDictionary(s => s.Index);
        await ExecuteAsync(InsertNeedSql, world.Needs.Select(n => new
        {
            n.PublicId,
            SmeId = smeIds[smeByIndex[n.SmeIndex].PublicId],
            n.Title,
            SearchText = SearchText.Of(n.Title),
            n.Description,
            n.Amount,
            n.Currency,
            AmountUsd = Math.Round(n.Amount * rates[n.Currency], 2, MidpointRounding.AwayFromZero),
            n.JobsToCreate,
            ExportMarkets = JsonList.Write(n.ExportMarkets),
            n.HorizonMonths,
            HasOwnSectors = n.OwnSectors.Count > 0,
            Status = n.ClosedAt is null ? NeedStatus.Open : NeedStatus.Closed,
            n.CloseReason,
            n.ClosedAt,
            n.CreatedAt,
            UpdatedAt = n.ClosedAt ?? n.CreatedAt,
            Version = n.ClosedAt is null ? 1 : 2,
        }));
        var needIds = await IdsAsync(NeedIdsSql);
        await ExecuteAsync(InsertNeedTypeSql, Codes(world.Needs, n => needIds[n.PublicId], n => n.NeedTypes));
        await ExecuteAsync(InsertNeedSectorSql, Codes(world.Needs, n => needIds[n.PublicId], n => n.OwnSectors));

        await ExecuteAsync(InsertPartnerSql, world.Partners.Select(p => new
        {
            p.PublicId,
            OwnerUserId = userIds[p.Owner.PublicId],
            p.Name,
            p.NameZh,
            SearchText = SearchText.Of(p.Name, p.NameZh),
            p.Uscc,
            p.City,
            p.Kind,
            p.TicketMinUsd,
            p.TicketMaxUsd,
            Languages = JsonList.Write(p.Languages),
            p.SeeksExportOriented,
            RequiredCertifications = JsonList.Write(p.RequiredCertifications),
            p.Description,
            p.ContactPerson,
            ContactEmail = p.Owner.Email,
            p.ContactPhone,
            p.CreatedAt,
        }));
        var partnerIds = await IdsAsync(PartnerIdsSql);
        await ExecuteAsync(InsertPartnerSectorSql, Codes(world.Partners, p => partnerIds[p.PublicId], p => p.Sectors));
        await ExecuteAsync(InsertOfferingSql, Codes(world.Partners, p => partnerIds[p.PublicId], p => p.Offerings));
        await ExecuteAsync(InsertTargetRegionSql, Codes(world.Partners, p => partnerIds[p.PublicId], p => p.TargetRegions));
        return (needIds, partnerIds);

        Task ExecuteAsync(string sql, IEnumerable<object> rows) =>
            c.ExecuteAsync(new CommandDefinition(sql, rows.ToList(), tx, cancellationToken: ct));

        async Task<Dictionary<Guid, long>> IdsAsync(string sql) =>
            (await c.QueryAsync<IdRow>(new CommandDefinition(sql, transaction: tx, cancellationToken: ct))).ToDictionary(r => r.PublicId, r => r.Id);
    }

    public static async Task<IReadOnlyList<ScoredMatch>> ScoredMatchesAsync(DbConnection c, CancellationToken ct) =>
        (await c.QueryAsync<ScoredMatch>(new CommandDefinition(ScoredMatchesSql, cancellationToken: ct))).ToList();

    public static async Task WriteDealsAsync(DbConnection c, DbTransaction tx, IReadOnlyList<DealState> deals, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(UpdateMatchSql, deals, tx, cancellationToken: ct));
        var events = deals.SelectMany(d => d.Events.Select(e => new
        {
            d.MatchId,
            e.ActorId,
            e.ActorRole,
            e.Action,
            e.FromStatus,
            e.ToStatus,
            e.Note,
            e.At,
        })).ToList();
        await c.ExecuteAsync(new CommandDefinition(InsertEventSql, events, tx, cancellationToken: ct));
    }

    private static IEnumerable<object> Codes<T>(IEnumerable<T> owners, Func<T, long> id, Func<T, IReadOnlyList<string>> codes) =>
        owners.SelectMany(o => codes(o).Select((code, i) => new { OwnerId = id(o), Code = code, Position = i }));

    private sealed record FxRow
    {
        public string Currency { get; init; } = "";
        public decimal UsdPerUnit { get; init; }
    }

    private sealed record IdRow
    {
        public long Id { get; init; }
        public Guid PublicId { get; init; }
    }
}

internal sealed record ScoredMatch
{
    public long MatchId { get; init; }
    public long NeedId { get; init; }
    public long PartnerId { get; init; }
    public decimal Score { get; init; }
}
