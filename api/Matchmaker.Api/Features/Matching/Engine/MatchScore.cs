namespace Matchmaker.Api.Features.Matching.Engine;

/// <param name="Score">0–100 with one decimal; computed even when <paramref name="Excluded"/>.</param>
/// <param name="Excluded">A required criterion scored 0, so the pair is never a match.</param>
/// <param name="Breakdown">Enabled criteria in the order of Features/Matching/README.md; contributions add up to the score.</param>
internal sealed record MatchScore(double Score, bool Excluded, IReadOnlyList<CriterionScore> Breakdown);

/// <param name="Score">0–1, rounded to four decimals.</param>
/// <param name="Contribution">Score points, one decimal.</param>
internal sealed record CriterionScore(string Criterion, double Weight, double Score, double Contribution, string Reason);
