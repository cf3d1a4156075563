using Matchmaker.Api.Features.Matching;
using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Partners;
using Matchmaker.Api.Features.Reference.FxRates;
using Matchmaker.Api.Features.Smes;
using Matchmaker.Api.Features.Users;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Demo;

/// <summary>The writes of the demo data set: the same rows the create endpoints write, through the same stores, in bulk and with the demo world's dates.</summary>
internal static class DemoStore
{
    private const string ProfileCountSql = "SELECT (SELECT COUNT(*) FROM smes) + (SELECT COUNT(*) FROM partners) + (SELECT COUNT(*) FROM needs)";

    private const string CitiesSql = "SELECT code AS Code, name_en AS NameEn, name_zh AS NameZh, division AS Division FROM cities ORDER BY code";

    // Only the demo writes a deal's history after the fact, with its own dates; live deals move through MatchStore.TransitionAsync.
    private const string BackdateDealSql = """
        UPDATE matches
        SET status = @Status, sme_interested_at = @SmeInterestedAt, partner_interested_at = @PartnerInterestedAt,
            mutual_at = @MutualAt, created_at = @CreatedAt, updated_at = @UpdatedAt, version = @Version
        WHERE id = @MatchId
        """;

    public static async Task<bool> HasProfilesAsync(DbConnection c, CancellationToken ct) =>
        await c.ExecuteScalarAsync<long>(new CommandDefinition(ProfileCountSql, cancellationToken: ct)) > 0;

    public static async Task<IReadOnlyList<DemoCity>> CitiesAsync(DbConnection c, CancellationToken ct) =>
        (await c.QueryAsync<DemoCity>(new CommandDefinition(CitiesSql, cancellationToken: ct))).ToList();

    /// <summary>Inserts the accounts and profiles; returns the internal ids of needs and partners by public id.</summary>
    public static async Task<(Dictionary<Guid, long> Needs, Dictionary<Guid, long> Partners)> InsertAsync(
        DbConnection c, DbTransaction tx, DemoWorld world, Func<DemoUser, string> passwordHash, DateTime now, TimeSpan validity, CancellationToken ct)
    {
        var users = world.Smes.Select(s => s.Owner).Concat(world.Partners.Select(p => p.Owner)).Append(world.Agency);
        var userIds = await UserAccounts.InsertAsync(c, tx, users.Select(u => new NewUser(u.PublicId, u.Email, passwordHash(u), u.Role, u.CreatedAt)).ToList(), ct);

        var smeIds = await SmeStore.InsertAsync(c, tx, world.Smes.Select(s => new NewSme(s.PublicId, userIds[s.Owner.PublicId], new SmeFields(
            s.Name, LatinNames.Of(s.Name), s.Inn, s.Region, s.Sectors, s.Employees, s.FoundedYear, s.ExportOriented, s.Languages, s.Certifications,
            s.Description, s.ContactPerson, s.Owner.Email, s.ContactPhone), s.CreatedAt, VerificationStatus.Verified)).ToList(), ct);

        var rates = await UsdRates.AsOfAsync(c, tx, now, ct);
        var smeByIndex = world.Smes.ToDictionary(s => s.Index);
        var needIds = await NeedStore.InsertAsync(c, tx, world.Needs.Select(n => new NewNeed(n.PublicId, smeIds[smeByIndex[n.SmeIndex].PublicId], new NeedFields(
            n.Title, n.Description, n.Amount, n.Currency, n.JobsToCreate, n.ExportMarkets, n.HorizonMonths, n.NeedTypes, n.OwnSectors), n.CreatedAt,
            ExpiresAt(n, now, validity))
        {
            Status = n.ClosedAt is null ? NeedStatus.Open : NeedStatus.Closed,
            CloseReason = n.CloseReason,
            ClosedAt = n.ClosedAt,
            UpdatedAt = n.ClosedAt ?? n.CreatedAt,
            Version = n.ClosedAt is null ? 1 : 2,
        }).ToList(), rates, ct);

        var partnerIds = await PartnerStore.InsertAsync(c, tx, world.Partners.Select(p => new NewPartner(p.PublicId, userIds[p.Owner.PublicId], new PartnerFields(
            p.Name, p.NameZh, null, p.Uscc, p.City, p.Kind, p.Sectors, p.Offerings, p.TicketMinUsd, p.TicketMaxUsd, p.TargetRegions, p.Languages,
            p.SeeksExportOriented, p.RequiredCertifications, p.Description, p.ContactPerson, p.Owner.Email, p.ContactPhone), p.CreatedAt, VerificationStatus.Verified)).ToList(), ct);
        return (needIds, partnerIds);
    }

    /// <summary>
    /// A need is loaded as if renewed at loading (the world's dates lie in the past, and it must not start out
    /// expired), except a few that run out within days, so the reminders show, and a few that already did.
    /// </summary>
    private static DateTime ExpiresAt(DemoNeed need, DateTime now, TimeSpan validity)
    {
        var slot = BitConverter.ToInt32(need.PublicId.ToByteArray(), 0) & 0x7fffffff;
        return need.SmeIndex == 0 || need.ClosedAt is not null ? now + validity
            : (slot % 19) switch
            {
                0 => now + TimeSpan.FromDays(2 + slot % 10),
                1 => now - TimeSpan.FromDays(1 + slot % 20),
                _ => now + validity,
            };
    }

    public static async Task WriteDealsAsync(DbConnection c, DbTransaction tx, IReadOnlyList<DealState> deals, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(BackdateDealSql, deals, tx, cancellationToken: ct));
        await MatchStore.InsertEventsAsync(c, tx, deals.SelectMany(d => d.Events.Select(e => (d.MatchId, e))), ct);
    }
}
