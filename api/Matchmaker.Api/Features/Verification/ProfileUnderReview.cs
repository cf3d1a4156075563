namespace Matchmaker.Api.Features.Verification;

/// <summary>The profile a decision is about, as its own store read it.</summary>
/// <param name="Kind"><see cref="ProfileKind.Sme"/> or <see cref="ProfileKind.Partner"/>.</param>
internal sealed record ProfileUnderReview(string Kind, long Id, Guid PublicId, string Name, Guid OwnerId, int Version, VerificationState State);
