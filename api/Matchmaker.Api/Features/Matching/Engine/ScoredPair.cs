namespace Matchmaker.Api.Features.Matching.Engine;

/// <param name="ActedOn">The pair carries a deal state beyond "suggested", so a re-score never drops it.</param>
internal readonly record struct ScoredPair(long NeedId, long PartnerId, PairScore Score, bool ActedOn = false);
