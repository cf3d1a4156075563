namespace Matchmaker.Api.Features.Matching.Engine;

/// <param name="Score">0–1, unrounded.</param>
internal readonly record struct CriterionOutcome(double Score, string Reason);
