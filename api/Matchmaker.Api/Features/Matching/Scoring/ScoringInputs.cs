using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Partners;
using Matchmaker.Api.Features.Reference.FxRates;
using Matchmaker.Api.Features.Shared;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Matching.Scoring;

/// <summary>
/// What the engine scores, read through the needs' and partners' stores: a need with its SME's
/// attributes and its effective sectors, its amount converted to USD at the latest rate effective
/// at scoring time; a partner with its lists. Whether each takes part in rankings follows
/// <see cref="Vetting"/>: a need of an SME it does not list, or a partner it does not list, keeps only the
/// pairs someone acted on, as a closed need does.
/// </summary>
internal static class ScoringInputs
{
    public static async Task<IReadOnlyList<LoadedNeed>> NeedsAsync(DbConnection c, DbTransaction? tx, Vetting vetting, IReadOnlyCollection<long> ids, DateTime asOf, CancellationToken ct) =>
        ids.Count == 0 ? [] : await ToInputsAsync(c, tx, vetting, await NeedStore.ByIdsAsync(c, tx, ids, ct), all: false, asOf, ct);

    public static async Task<IReadOnlyList<LoadedNeed>> ScoredNeedsAsync(DbConnection c, DbTransaction? tx, Vetting vetting, DateTime asOf, CancellationToken ct) =>
        await ToInputsAsync(c, tx, vetting, await NeedStore.ScoredAsync(c, tx, ct), all: true, asOf, ct);

    /// <summary>Every partner.</summary>
    public static Task<IReadOnlyList<PartnerInput>> PartnersAsync(DbConnection c, DbTransaction? tx, Vetting vetting, CancellationToken ct) =>
        LoadPartnersAsync(c, tx, vetting, null, ct);

    public static async Task<IReadOnlyList<PartnerInput>> PartnersAsync(DbConnection c, DbTransaction? tx, Vetting vetting, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await LoadPartnersAsync(c, tx, vetting, ids, ct);

    private static async Task<IReadOnlyList<LoadedNeed>> ToInputsAsync(DbConnection c, DbTransaction? tx, Vetting vetting, IReadOnlyList<NeedRow> rows, bool all, DateTime asOf, CancellationToken ct)
    {
        if (rows.Count == 0)
            return [];
        var rates = await UsdRates.AsOfAsync(c, tx, asOf, ct);
        var lists = await NeedStore.ListsAsync(c, rows, ct, tx, all);
        return rows.Select(r => new LoadedNeed(
            new NeedInput(
                r.Id,
                lists.EffectiveSectors[r.Id].ToList(),
                rates.TryConvert(r.Amount, r.Currency, out var usd) ? usd : r.AmountUsd,
                lists.NeedTypes[r.Id].ToList(),
                r.JobsToCreate,
                r.Region,
                r.SmeExportOriented,
                JsonList.Read(r.SmeLanguages),
                JsonList.Read(r.SmeCertifications)),
            r.StatusAt(asOf) == NeedStatus.Open,
            vetting.Lists(r.SmeVerification))).ToList();
    }

    private static async Task<IReadOnlyList<PartnerInput>> LoadPartnersAsync(DbConnection c, DbTransaction? tx, Vetting vetting, IReadOnlyCollection<long>? ids, CancellationToken ct)
    {
        var rows = await PartnerStore.ByIdsAsync(c, tx, ids, ct);
        if (rows.Count == 0)
            return [];
        var lists = await PartnerStore.ListsAsync(c, ids, ct, tx);
        return rows.Select(r => new PartnerInput(
            r.Id,
            lists.Sectors[r.Id].ToList(),
            lists.Offerings[r.Id].ToList(),
            r.TicketMinUsd,
            r.TicketMaxUsd,
            lists.TargetRegions[r.Id].ToList(),
            r.SeeksExportOriented,
            JsonList.Read(r.Languages),
            JsonList.Read(r.RequiredCertifications),
            vetting.Lists(r.Verification))).ToList();
    }
}

/// <param name="IsOpen">Open at scoring time (neither closed nor expired).</param>
/// <param name="IsListed">Its SME takes part in the programme (<see cref="Vetting.Lists"/>).</param>
internal sealed record LoadedNeed(NeedInput Input, bool IsOpen, bool IsListed)
{
    /// <summary>Whether the need takes new pairs: otherwise only the pairs someone acted on are scored again.</summary>
    public bool IsRanked => IsOpen && IsListed;
}
