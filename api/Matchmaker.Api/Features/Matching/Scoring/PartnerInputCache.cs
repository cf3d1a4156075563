using System.Collections.Immutable;
using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Partners;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Matching.Scoring;

/// <summary>
/// Partner scoring inputs held in memory so a need write scores against every partner without reading
/// them all. Before each use it reads the partners changed since it last looked, so writes made by
/// other API instances are seen too; the look-back overlaps by <see cref="Overlap"/> to allow for
/// clock skew between instances and transactions that committed late. A partner the look-back finds at the
/// version already held is not read again, so the snapshot, and the encodings built on it, stay the same
/// list until a partner really changes.
/// </summary>
internal sealed class PartnerInputCache(Vetting vetting)
{
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);
    private const int InListChunk = 1000;

    private readonly SemaphoreSlim gate = new(1, 1);
    private ImmutableDictionary<long, PartnerInput> partners = ImmutableDictionary<long, PartnerInput>.Empty;
    private Dictionary<long, int> versions = [];
    private IReadOnlyList<PartnerInput> ordered = [];
    private DateTime? lastLook;

    /// <summary>Every partner by id, as the given connection sees it now (or later).</summary>
    public async Task<IReadOnlyDictionary<long, PartnerInput>> ByIdAsync(DbConnection c, DateTime now, CancellationToken ct)
    {
        await SnapshotAsync(c, null, now, ct);
        return partners;
    }

    /// <summary>Every partner as the given connection (and transaction) sees it now.</summary>
    public async Task<IReadOnlyList<PartnerInput>> SnapshotAsync(DbConnection c, DbTransaction? tx, DateTime now, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (lastLook is null)
            {
                // Versions first: a partner that changes in between is held newer than its version says, and read again.
                var held = await PartnerStore.VersionsAsync(c, tx, ct);
                partners = (await ScoringInputs.PartnersAsync(c, tx, vetting, ct)).ToImmutableDictionary(p => p.Id);
                ordered = partners.Values.OrderBy(p => p.Id).ToList();
                versions = held.ToDictionary(p => p.Id, p => p.Version);
            }
            else
            {
                var changed = (await PartnerStore.ChangedSinceAsync(c, tx, lastLook.Value - Overlap, ct))
                    .Where(p => !versions.TryGetValue(p.Id, out var version) || version != p.Version)
                    .ToList();
                if (changed.Count > 0)
                {
                    var builder = partners.ToBuilder();
                    foreach (var chunk in changed.Chunk(InListChunk))
                    {
                        foreach (var partner in await ScoringInputs.PartnersAsync(c, tx, vetting, chunk.Select(p => p.Id).ToList(), ct))
                            builder[partner.Id] = partner;
                    }

                    partners = builder.ToImmutable();
                    ordered = partners.Values.OrderBy(p => p.Id).ToList();
                    foreach (var (id, version) in changed)
                        versions[id] = version;
                }
            }

            lastLook = now;
            return ordered;
        }
        finally
        {
            gate.Release();
        }
    }
}
