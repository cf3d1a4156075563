using System.Collections.Immutable;
using System.Data.Common;
using Dapper;
using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Api.Features.Matching.Scoring;

/// <summary>
/// Partner features held in memory so a need write scores against every partner without reading
/// them all. Before each use it reads the partners changed since it last looked, so writes made by
/// other API instances are seen too; the look-back overlaps by <see cref="Overlap"/> to allow for
/// clock skew between instances and transactions that committed late.
/// </summary>
internal sealed class PartnerFeatureCache
{
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);
    private const int InListChunk = 1000;

    private const string ChangedSinceSql = "SELECT id FROM partners WHERE updated_at >= @Since";

    private readonly SemaphoreSlim gate = new(1, 1);
    private ImmutableDictionary<long, PartnerInput> partners = ImmutableDictionary<long, PartnerInput>.Empty;
    private IReadOnlyList<PartnerInput> ordered = [];
    private DateTime? lastLook;

    /// <summary>Every partner as the given connection (and transaction) sees it now.</summary>
    public async Task<IReadOnlyList<PartnerInput>> SnapshotAsync(DbConnection c, DbTransaction? tx, DateTime now, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (lastLook is null)
            {
                partners = (await FeatureLoader.PartnersAsync(c, tx, ct)).ToImmutableDictionary(p => p.Id);
                ordered = partners.Values.OrderBy(p => p.Id).ToList();
            }
            else
            {
                var changed = (await c.QueryAsync<long>(new CommandDefinition(ChangedSinceSql, new { Since = lastLook.Value - Overlap }, tx, cancellationToken: ct))).ToList();
                var builder = partners.ToBuilder();
                foreach (var chunk in changed.Chunk(InListChunk))
                {
                    foreach (var partner in await FeatureLoader.PartnersAsync(c, tx, chunk, ct))
                        builder[partner.Id] = partner;
                }

                if (changed.Count > 0)
                {
                    partners = builder.ToImmutable();
                    ordered = partners.Values.OrderBy(p => p.Id).ToList();
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
