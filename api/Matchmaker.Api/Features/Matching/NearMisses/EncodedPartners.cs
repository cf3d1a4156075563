using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Api.Features.Matching.NearMisses;

/// <summary>
/// The partners encoded once per partner snapshot: <see cref="Scoring.PartnerInputCache"/> hands out the same list
/// until a partner changes, so a search mostly encodes its need alone.
/// </summary>
internal sealed class EncodedPartners
{
    private Snapshot? current;

    public Snapshot For(IReadOnlyList<PartnerInput> partners)
    {
        var snapshot = Volatile.Read(ref current);
        if (snapshot is not null && ReferenceEquals(snapshot.Partners, partners))
            return snapshot;
        var encoder = new VectorEncoder();
        snapshot = new Snapshot(partners, encoder, partners.Select(encoder.Encode).ToArray());
        Volatile.Write(ref current, snapshot);
        return snapshot;
    }

    /// <param name="Encoder">Encodes the needs searched against <paramref name="Vectors"/> (certification bits belong to its catalog).</param>
    internal sealed record Snapshot(IReadOnlyList<PartnerInput> Partners, VectorEncoder Encoder, PartnerVector[] Vectors);
}
